"""The repeatable parts of a material: its files, its links, the practices it serves."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable


class ResourceFile(Orderable):
    page = ParentalKey("resources.ResourcePage", related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("documento"),
        on_delete=models.CASCADE,
        related_name="resource_files",
    )
    title = models.CharField(
        _("titolo"), max_length=255, blank=True, help_text=_("Se vuoto, si usa il titolo del documento.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [
        APIField("display_title"),
        APIField("document"),
        APIField("format_label"),
        APIField("file_size"),
        APIField("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("file")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or (self.document.title if self.document_id else "")

    @property
    def format_label(self):
        return str(self.document.format_label) if self.document_id else ""

    @property
    def file_size(self):
        # Stored when the document is saved; never read from the disk while rendering a page.
        return self.document.file_size if self.document_id else None

    @property
    def url(self):
        return self.document.url if self.document_id else ""


class ResourceLink(Orderable):
    page = ParentalKey("resources.ResourcePage", related_name="links", on_delete=models.CASCADE)
    title = models.CharField(_("titolo"), max_length=255)
    url = models.URLField(
        _("indirizzo"), max_length=500, help_text=_("Ad esempio il video su YouTube o la pagina di un corso.")
    )

    panels = [FieldPanel("title"), FieldPanel("url")]
    api_fields = [APIField("title"), APIField("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("collegamento")
        verbose_name_plural = _("collegamenti")

    def __str__(self):
        return self.title


class ResourceRelatedPractice(Orderable):
    page = ParentalKey("resources.ResourcePage", related_name="related_practices", on_delete=models.CASCADE)
    # A plain page link: materials know practices only as pages (no import of the practices app).
    practice = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("buona pratica"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("practice", page_type="practices.PracticePage")]
    api_fields = [APIField("practice")]

    class Meta(Orderable.Meta):
        verbose_name = _("buona pratica collegata")
        verbose_name_plural = _("buone pratiche collegate")
