"""Which files the live version of each page uses: what makes a file public.

Wagtail's reference index cannot say it: saving a draft of a live page
re-indexes the draft, so a file added only in a draft would look used by a
live page. These rows are written from the page's live content only (see
``ciao.file_access``), and a file is as visible as the live pages that use it.
"""

from django.db import models
from django.db.models import Q
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string


class FileUse(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="file_uses")
    document = models.ForeignKey(
        get_document_model_string(), null=True, blank=True, on_delete=models.CASCADE, related_name="page_uses"
    )
    image = models.ForeignKey(
        get_image_model_string(), null=True, blank=True, on_delete=models.CASCADE, related_name="page_uses"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(document__isnull=False, image__isnull=True) | Q(document__isnull=True, image__isnull=False),
                name="file_use_one_file",
            ),
            models.UniqueConstraint(fields=["page", "document"], name="file_use_unique_document"),
            models.UniqueConstraint(fields=["page", "image"], name="file_use_unique_image"),
        ]

    def __str__(self):
        return f"{self.page_id} → {self.document_id or self.image_id}"
