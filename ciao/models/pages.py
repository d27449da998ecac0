"""Site-wide page types: the home page and plain content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ciao.blocks import RICH_TEXT_FEATURES, BodyBlock
from ciao.home import home_sections

from .dossier import DossierPage
from .vocabularies import Ambito, Organisation


class HomePage(Page):
    show_in_site_search = False  # not a result of /cerca/ (discovery/__init__.py)

    hero_title = models.CharField(
        _("titolo di apertura"),
        max_length=200,
        blank=True,
        help_text=_("Se vuoto, si usa il titolo della pagina."),
    )
    hero_text = models.TextField(_("testo di apertura"), blank=True)
    intro = RichTextField(_("presentazione"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Apertura")),
        FieldPanel("intro"),
        InlinePanel("featured_items", label=_("In evidenza"), max_num=6),
    ]

    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = self.featured_pages(request)
        context["featured_dossiers"] = self.featured_dossiers()
        context["sections"] = home_sections(request, self)
        context["ambiti"] = Ambito.objects.prefetch_related("comuni").order_by("name")
        context["partners"] = Organisation.objects.filter(is_partner=True).order_by("-is_lead_partner", "kind", "name")
        return context

    def featured_dossiers(self):
        return list(
            DossierPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(featured_on_home=True)
            .select_related("theme")
            .order_by("-first_published_at")[:3]
        )

    def featured_pages(self, request):
        """The editors' picks that a visitor may see, in the editors' order."""
        items = list(self.featured_items.select_related("page"))
        visible = {p.pk: p for p in Page.objects.live().public().filter(pk__in=[i.page_id for i in items]).specific()}
        return [(item, visible[item.page_id]) for item in items if item.page_id in visible]


class HomePageFeaturedItem(Orderable):
    home = ParentalKey(HomePage, related_name="featured_items", on_delete=models.CASCADE)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("pagina"), related_name="+", on_delete=models.CASCADE)
    summary = models.CharField(
        _("testo di presentazione"),
        max_length=300,
        blank=True,
        help_text=_("Se vuoto, si usa la descrizione della pagina."),
    )

    panels = [PageChooserPanel("page"), FieldPanel("summary")]

    class Meta(Orderable.Meta):
        verbose_name = _("contenuto in evidenza")
        verbose_name_plural = _("contenuti in evidenza")


class StandardPage(Page):
    """Chi siamo, governance, accessibilità, privacy: text with a few blocks."""

    intro = models.TextField(_("introduzione"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("contenuto"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["ciao.HomePage", "ciao.StandardPage"]
    subpage_types = ["ciao.StandardPage"]

    class Meta:
        verbose_name = _("pagina semplice")
        verbose_name_plural = _("pagine semplici")
