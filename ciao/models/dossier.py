"""Dossier tematici: editors gather practices, materials and events around a theme."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ciao.blocks import RICH_TEXT_FEATURES


class LinkedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("titolo del gruppo"), required=False, max_length=120)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("pagina")), label=_("contenuti"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Contenuti collegati")


class DossierBodyBlock(blocks.StreamBlock):
    commentary = blocks.RichTextBlock(label=_("Commento"), features=RICH_TEXT_FEATURES)
    linked_pages = LinkedPagesBlock()


class DossierIndexPage(Page):
    show_in_site_search = False  # a list of dossiers, not a result (discovery/__init__.py)

    intro = RichTextField(_("introduzione"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["ciao.HomePage"]
    subpage_types = ["ciao.DossierPage"]

    class Meta:
        verbose_name = _("elenco dei dossier")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["dossiers"] = (
            DossierPage.objects.child_of(self).live().public().select_related("theme").order_by("-first_published_at")
        )
        return context


class DossierPage(Page):
    summary = models.TextField(_("in breve"), max_length=600)
    theme = models.ForeignKey(
        "ciao.Theme",
        verbose_name=_("tema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossiers",
    )
    body = StreamField(DossierBodyBlock(), verbose_name=_("contenuto"), blank=True)
    featured_on_home = models.BooleanField(
        _("in evidenza nella home page"),
        default=False,
        help_text=_("I dossier in evidenza compaiono nella home page, sotto «In evidenza»."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("theme"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + [
        MultiFieldPanel([FieldPanel("featured_on_home")], heading=_("Home page")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("theme"),
    ]

    parent_page_types = ["ciao.DossierIndexPage"]
    subpage_types = []
    card_category = _("Dossier")
    # The facets of its pages on /cerca/ and the tag pages (see discovery/__init__.py).
    search_facet_lookups = {"tema": "theme__slug"}

    class Meta:
        verbose_name = _("dossier tematico")
        verbose_name_plural = _("dossier tematici")

    @property
    def listing_summary(self):
        return self.summary

    def linked_page_ids(self):
        return [
            page.pk
            for block in self.body
            if block.block_type == "linked_pages"
            for page in block.value["pages"]
            if page is not None
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # One query per page type for every linked page, and only what a visitor may see:
        # a dossier that links a draft or a private page must not reveal it.
        visible = {p.pk: p for p in Page.objects.filter(pk__in=self.linked_page_ids()).live().public().specific()}
        context["groups"] = []
        for block in self.body:
            if block.block_type == "commentary":
                context["groups"].append({"commentary": block.value})
            else:
                pages = [visible[p.pk] for p in block.value["pages"] if p is not None and p.pk in visible]
                if pages:
                    context["groups"].append({"heading": block.value["heading"], "pages": pages})
        return context
