"""The site's document model: Wagtail's, plus the text inside the file and a content check."""

import logging

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.search import index

from resources.text_extraction import extract_text
from resources.uploads import document_upload_path, format_for, validate_document_file

logger = logging.getLogger(__name__)


class ResourceDocumentQuerySet(DocumentQuerySet):
    def public(self):
        """Documents anyone may download: not attached only to draft or view-restricted materials.

        For lists of documents shown to the public (e.g. the content API), which
        cannot ask ``resources.privacy`` about each document in turn.
        """
        from .pages import ResourcePage
        from .parts import ResourceFile

        attached = ResourceFile.objects.values("document_id")
        attached_to_public = ResourceFile.objects.filter(
            page__in=ResourcePage.objects.live().public().values("pk")
        ).values("document_id")
        return self.exclude(Q(pk__in=attached) & ~Q(pk__in=attached_to_public))


class ResourceDocument(AbstractDocument):
    """A file of the site (``WAGTAILDOCS_DOCUMENT_MODEL``).

    The text inside the file is extracted when the document is saved with a new
    file and indexed with the document and with the materials that attach it.
    """

    # Same field as Wagtail's, with plain ASCII storage names: the stored name is
    # the name a visitor's download gets.
    file = models.FileField(upload_to=document_upload_path, verbose_name=_("file"))
    extracted_text = models.TextField(_("testo contenuto nel file"), blank=True, editable=False)
    # The hash of the file the text came from: text is extracted again only when the file changes.
    extracted_from_hash = models.CharField(max_length=40, blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    objects = ResourceDocumentQuerySet.as_manager()

    search_fields = AbstractDocument.search_fields + [index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("documento")
        verbose_name_plural = _("documenti")
        permissions = [("choose_document", "Can choose document")]

    def clean(self):
        # Only a newly uploaded file is checked; files already stored were checked then.
        if self.file and not getattr(self.file, "_committed", True):
            try:
                validate_document_file(self.file.file, name=self.file.name)
            except ValidationError as error:
                # Tied to the field, so every upload view (including the multiple upload) shows it there.
                raise ValidationError({"file": error.messages}) from error
        super().clean()

    @property
    def file_format(self):
        """The ``FileFormat`` shown next to a download link (None for an unexpected extension)."""
        return format_for(self.filename)

    @property
    def format_label(self):
        file_format = self.file_format
        return file_format.label if file_format else self.file_extension.upper()

    @property
    def format_icon(self):
        file_format = self.file_format
        return file_format.icon if file_format else "it-file"

    @property
    def content_type(self):
        file_format = self.file_format
        return file_format.content_type if file_format else super().content_type

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # To notice a file replaced outside the admin form (which sets size and hash itself).
        # Read the raw value: touching ``self.file`` would load a deferred field.
        stored = self.__dict__.get("file")
        self._stored_file_name = getattr(stored, "name", stored) if self.pk else None

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        changed = self._refresh_file_metadata()
        if changed and update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | set(changed)
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name

    def _refresh_file_metadata(self):
        """Fill size, hash and text for a new file; return the names of the fields set."""
        if not self.file:
            return []
        changed = []
        new_file = self.file.name != self._stored_file_name or not getattr(self.file, "_committed", True)
        try:
            if new_file or self.file_size is None or not self.file_hash:
                self._set_document_file_metadata()
                changed += ["file_size", "file_hash"]
            if self.extracted_from_hash != self.file_hash:
                with self.open_file() as f:
                    self.extracted_text = extract_text(f, name=self.file.name)
                self.extracted_from_hash = self.file_hash
                changed += ["extracted_text", "extracted_from_hash"]
        except OSError as exc:
            # A missing file is the storage's problem; saving the record must still work.
            logger.warning("Cannot read document file %s: %s", self.file.name, exc)
        return changed
