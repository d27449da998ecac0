"""Good practices. The practices issue grows these into the full good-practice template."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ciao.blocks import RICH_TEXT_FEATURES
from ciao.home import HomeSection
from ciao.roles import OPERATORI


class PracticeIndexPage(Page):
    contributor_group = OPERATORI

    intro = RichTextField(_("introduzione"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["ciao.HomePage"]
    subpage_types = ["practices.PracticePage"]

    class Meta:
        verbose_name = _("elenco delle buone pratiche")


class PracticePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "practices.PracticePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PracticePage(Page):
    summary = models.TextField(_("in breve"), max_length=800)
    ambito = models.ForeignKey(
        "ciao.Ambito",
        verbose_name=_("ambito"),
        null=True,
        on_delete=models.PROTECT,
        related_name="practices",
    )
    tags = ClusterTaggableManager(through=PracticePageTag, blank=True, verbose_name=_("etichette"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("ambito"),
        FieldPanel("tags"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.FilterField("ambito"),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("buona pratica")
        verbose_name_plural = _("buone pratiche")

    @property
    def listing_summary(self):
        return self.summary

    @classmethod
    def home_section(cls, request, home):
        items = (
            cls.objects.live().public().descendant_of(home)
            .select_related("ambito").order_by("-first_published_at")[:3]
        )
        index_page = PracticeIndexPage.objects.live().public().descendant_of(home).first()
        return HomeSection(
            title=_("Ultime buone pratiche"),
            items=list(items),
            more_url=index_page.url if index_page else "",
            more_label=_("Tutte le buone pratiche"),
            order=10,
        )
