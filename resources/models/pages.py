"""Training materials: the index page (listing, feed) and the material's record."""

from django import forms
from django.db import models
from django.db.models import F, Prefetch
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ciao.blocks import RICH_TEXT_FEATURES
from ciao.home import HomeSection
from ciao.listing import ListingPage
from ciao.roles import FORMATORI
from resources.choices import DEFAULT_LICENCE, LICENCE_CHOICES, LICENCES_BY_CODE, Kind, Language, Level
from resources.detail import detail_context
from resources.feeds import ResourceFeed
from resources.listing import resource_listing

from ..api import PublicRelatedPracticesField
from .audience import Audience
from .parts import ResourceFile

OBJECTIVES_FEATURES = ["bold", "italic", "ol", "ul"]
HOME_SECTION_SIZE = 3


class ResourceIndexPage(ListingPage, RoutablePageMixin, Page):
    show_in_site_search = False  # a listing, not a result of /cerca/ (discovery/__init__.py)
    contributor_group = FORMATORI
    new_item_label = _("Nuovo materiale")
    child_select_related = ("organisation",)

    intro = RichTextField(_("introduzione"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["ciao.HomePage"]
    subpage_types = ["resources.ResourcePage"]

    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("elenco dei materiali formativi")

    def listed(self):
        """The materials a visitor may see here: live, public, with what a card or a feed item reads."""
        return ResourcePage.listing_queryset().live().public().child_of(self)

    @path("")
    def listing(self, request):
        listing = resource_listing(self, request.GET)
        listing.paginate(listing.results())
        feed_url = listing.link(self.get_url(request) + self.reverse_subpage("feed"))
        return self.render_listing(request, listing, materials=listing.page, feed_url=feed_url)

    @path("feed/", name="feed")
    def feed(self, request):
        return ResourceFeed()(request, index_page=self)

    @classmethod
    def home_section(cls, request, home):
        # Site-wide cards (includes/card.html) use only the material's own fields.
        items = (
            ResourcePage.objects.live()
            .public()
            .descendant_of(home)
            .order_by("-first_published_at", "-pk")[:HOME_SECTION_SIZE]
        )
        index_page = cls.objects.live().public().descendant_of(home).first()
        return HomeSection(
            title=_("Nuovi materiali"),
            items=list(items),
            more_url=index_page.url if index_page else "",
            more_label=_("Tutti i materiali formativi"),
            order=20,
        )


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey("resources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE)


class ResourcePage(Page):
    summary = models.TextField(
        _("in breve"),
        max_length=800,
        help_text=_("Due o tre frasi: a cosa serve il materiale e per chi è. Compare negli elenchi."),
    )
    kind = models.CharField(_("tipo di materiale"), max_length=30, choices=Kind.choices, default=Kind.HANDOUT)
    audiences = ParentalManyToManyField(Audience, verbose_name=_("per chi è"), blank=True, related_name="resources")
    body = RichTextField(_("descrizione"), features=RICH_TEXT_FEATURES, blank=True)
    learning_objectives = RichTextField(
        _("obiettivi di apprendimento"),
        features=OBJECTIVES_FEATURES,
        blank=True,
        help_text=_("Che cosa saprà fare chi usa il materiale; meglio un elenco puntato."),
    )
    duration = models.CharField(
        _("durata"), max_length=100, blank=True, help_text=_("Ad esempio «2 ore» o «4 incontri da 90 minuti».")
    )
    level = models.CharField(_("livello"), max_length=20, choices=Level.choices, blank=True)
    language = models.CharField(_("lingua"), max_length=5, choices=Language.choices, default=Language.ITALIAN)
    licence = models.CharField(
        _("licenza"),
        max_length=30,
        choices=LICENCE_CHOICES,
        default=DEFAULT_LICENCE,
        help_text=_("Dice a chi scarica il materiale che cosa può farne. CC BY 4.0 permette il riuso più ampio."),
    )
    authors = models.CharField(
        _("autrici e autori"), max_length=255, blank=True, help_text=_("Nomi separati da virgole.")
    )
    organisation = models.ForeignKey(
        "ciao.Organisation",
        verbose_name=_("organizzazione"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )
    revised_on = models.DateField(
        _("data dell'ultima revisione"),
        null=True,
        blank=True,
        help_text=_("Quando il contenuto del materiale è stato rivisto l'ultima volta."),
    )
    themes = ParentalManyToManyField("ciao.Theme", verbose_name=_("temi"), blank=True, related_name="resources")
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True, verbose_name=_("etichette"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("language"), FieldPanel("duration")]),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Caratteristiche"),
        ),
        FieldPanel("body"),
        FieldPanel("learning_objectives"),
        InlinePanel("files", heading=_("File da scaricare"), label=_("File")),
        InlinePanel("links", heading=_("Collegamenti"), label=_("Collegamento")),
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("organisation"),
                FieldPanel("licence"),
                FieldPanel("revised_on"),
            ],
            heading=_("Autori, licenza e revisione"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tags"),
        InlinePanel("related_practices", heading=_("Buone pratiche collegate"), label=_("Buona pratica")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("learning_objectives"),
        index.SearchField("authors"),
        index.RelatedFields(
            "files",
            [
                index.SearchField("title"),
                # The text inside each attached file: a word only a handout contains finds it.
                index.RelatedFields("document", [index.SearchField("title"), index.SearchField("extracted_text")]),
            ],
        ),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("language"),
        index.FilterField("licence"),
        index.FilterField("level"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("kind"),
        APIField("kind_label"),
        APIField("audience_names"),
        APIField("body"),
        APIField("learning_objectives"),
        APIField("duration"),
        APIField("level"),
        APIField("language"),
        APIField("licence"),
        APIField("licence_name"),
        APIField("licence_url"),
        APIField("authors"),
        APIField("organisation_name"),
        APIField("revised_on"),
        APIField("theme_names"),
        APIField("tags"),
        APIField("files"),
        APIField("links"),
        # Only the linked practices a visitor may see: a draft's id and title stay out.
        APIField("related_practices", serializer=PublicRelatedPracticesField()),
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("materiale formativo")
        verbose_name_plural = _("materiali formativi")

    # Shown on cards (templates/includes/card.html) and in the API.

    def public_related_practices(self):
        """The linked practices a visitor may see (live, public), in the editors' order."""
        ids = [link.practice_id for link in self.related_practices.all()]
        if not ids:
            return []
        found = Page.objects.live().public().filter(pk__in=ids).specific().in_bulk()
        return [found[pk] for pk in ids if pk in found]

    @property
    def listing_summary(self):
        return self.summary

    # The facets of its pages on /cerca/ and the tag pages (see discovery/__init__.py);
    # its audiences are a vocabulary of its own, not the site's target groups.
    search_facet_lookups = {"tema": "themes__slug", "tag": "tags__slug"}

    @property
    def card_category(self):
        return self.get_kind_display()

    @property
    def card_meta(self):
        parts = []
        if self.level:
            parts.append(_("Livello %(level)s") % {"level": self.get_level_display().lower()})
        if self.language != Language.ITALIAN:
            parts.append(self.get_language_display())
        if self.last_revised:
            parts.append(
                _("Aggiornato il %(date)s") % {"date": formats.date_format(self.last_revised, "j F Y").lower()}
            )
        return " · ".join(str(p) for p in parts)

    @property
    def kind_label(self):
        return str(self.get_kind_display())

    @property
    def licence_info(self):
        return LICENCES_BY_CODE.get(self.licence)

    @property
    def licence_name(self):
        info = self.licence_info
        return str(info.name) if info else ""

    @property
    def licence_url(self):
        info = self.licence_info
        return info.url if info else ""

    @property
    def organisation_name(self):
        return self.organisation.name if self.organisation_id else ""

    @property
    def audience_names(self):
        return [a.name for a in self.audiences.all()]

    @property
    def theme_names(self):
        return [t.name for t in self.themes.all()]

    @property
    def last_revised(self):
        """The revision date the editors gave, else the date of the last publication."""
        if self.revised_on:
            return self.revised_on
        published = self.last_published_at or self.first_published_at
        return published.date() if published else None

    def files_with_documents(self):
        return [f for f in self.files.all() if f.document_id]

    @property
    def file_formats(self):
        """The formats of the attached files, once each ("PDF", "DOCX"), for cards."""
        return list(dict.fromkeys(f.document.file_extension.upper() for f in self.files_with_documents()))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(detail_context(self, request))
        return context

    @classmethod
    def listing_queryset(cls):
        """Materials with everything a card or a feed item shows, at a fixed number of queries."""
        return (
            cls.objects.select_related("organisation")
            .prefetch_related(
                "audiences",
                "themes",
                "tags",
                Prefetch(
                    "files",
                    # A file's text can be long, and cards never show it.
                    queryset=ResourceFile.objects.select_related("document")
                    .defer("document__extracted_text")
                    .order_by("sort_order"),
                ),
            )
            .order_by(F("revised_on").desc(nulls_last=True), "-first_published_at", "pk")
        )
