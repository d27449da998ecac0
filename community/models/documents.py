"""Files a group shares among its members: stored out of the public media, served after a check."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


def group_file_path(document, filename):
    # Under media/community/, which no URL serves: /area-riservata/.../documenti/<id>/ does, to members.
    return f"community/{document.group_id}/{filename}"


class SharedDocument(index.Indexed, models.Model):
    group = models.ForeignKey("community.WorkingGroup", on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("titolo"), max_length=200)
    description = models.TextField(_("descrizione"), max_length=2000, blank=True)
    file = models.FileField(_("file"), upload_to=group_file_path, max_length=300)
    size = models.PositiveBigIntegerField(default=0, editable=False)
    text = models.TextField(blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        "community.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("documento condiviso")
        verbose_name_plural = _("documenti condivisi")
        ordering = ["-uploaded_at"]

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("text"),
        index.FilterField("group"),
    ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:document", args=[self.group.slug, self.pk])

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def extension(self):
        return self.filename.rsplit(".", 1)[-1].upper() if "." in self.filename else ""
