"""Training materials. The resources issue grows these into the full material record."""

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
from ciao.roles import FORMATORI


class ResourceIndexPage(Page):
    contributor_group = FORMATORI

    intro = RichTextField(_("introduzione"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["ciao.HomePage"]
    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = _("elenco dei materiali formativi")


class ResourcePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "resources.ResourcePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ResourcePage(Page):
    summary = models.TextField(_("in breve"), max_length=800)
    tags = ClusterTaggableManager(through=ResourcePageTag, blank=True, verbose_name=_("etichette"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("tags")]

    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("materiale formativo")
        verbose_name_plural = _("materiali formativi")

    @property
    def listing_summary(self):
        return self.summary
