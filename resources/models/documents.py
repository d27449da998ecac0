"""The site's document model: Wagtail's, plus the text inside the file and a content check."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet
from wagtail.search import index

from resources.text_extraction import OK, TIMEOUT, extract_text
from resources.uploads import document_upload_path, format_for, text_not_searchable, validate_document_file

logger = logging.getLogger(__name__)


class ResourceDocumentQuerySet(DocumentQuerySet):
    def public(self):
        """Documents anyone may download (see ``ciao.file_access``), for public lists such as the API."""
        from ciao.file_access import public_documents

        return public_documents(self)


class ResourceDocument(AbstractDocument):
    """A file of the site (``WAGTAILDOCS_DOCUMENT_MODEL``).

    The text inside the file is extracted when the document is saved with a new
    file and indexed with the document and with the materials that attach it.
    """

    # Same field as Wagtail's, with plain ASCII storage names: the stored name is
    # the name a visitor's download gets.
    file = models.FileField(upload_to=document_upload_path, verbose_name=_("file"))
    extracted_text = models.TextField(_("testo contenuto nel file"), blank=True, editable=False)
    # A file is public when a live public page uses it (ciao.file_access); this
    # makes one public on its own, on purpose, for the redazione only.
    public_in_library = models.BooleanField(
        _("scaricabile da tutti"),
        default=False,
        help_text=_(
            "Di solito un file è pubblico solo se lo usa una pagina pubblicata. Spunta qui per renderlo "
            "scaricabile da chiunque anche senza pagina (per esempio un modulo da linkare altrove)."
        ),
    )
    # The hash of the file the text came from: text is extracted again only when the file changes.
    extracted_from_hash = models.CharField(max_length=40, blank=True, editable=False)

    admin_form_fields = (*Document.admin_form_fields, "public_in_library")

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
        if self.file:
            # Wagtail's extension check. Without a file the form's field has already said
            # why (too big, missing): an extension check of "" would only add a wrong message.
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
        self._text_status = OK
        changed = self._refresh_file_metadata()
        if changed and update_fields is not None:
            kwargs["update_fields"] = set(update_fields) | set(changed)
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name
        if self._text_status != OK:
            self._text_not_read()

    def _text_not_read(self):
        """The file's text could not be read: read it later if a worker can, and tell the uploader."""
        later = self._text_status == TIMEOUT and tasks_run_elsewhere()
        if later:
            document_id, file_hash = self.pk, self.file_hash
            transaction.on_commit(lambda: extract_text_in_background.enqueue(document_id, file_hash))
        text_not_searchable(self, self._text_status, later=later)

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
                # Bounded in time and memory (resources.text_extraction): a file that
                # does not fit is saved without text, and is not read again on each save.
                with self.open_file() as f:
                    text = extract_text(f, name=self.file.name)
                self.extracted_text = text
                self.extracted_from_hash = self.file_hash
                self._text_status = getattr(text, "status", OK)
                changed += ["extracted_text", "extracted_from_hash"]
        except OSError as exc:
            # A missing file is the storage's problem; saving the record must still work.
            logger.warning("Cannot read document file %s: %s", self.file.name, exc)
        return changed


def tasks_run_elsewhere():
    """True when django-tasks' backend hands tasks to a worker (not the in-request default)."""
    from django_tasks import task_backends
    from django_tasks.backends.immediate import ImmediateBackend

    return not isinstance(task_backends[extract_text_in_background.backend], ImmediateBackend)


@task()
def extract_text_in_background(document_id, file_hash):
    """Read a file's text with the longer budget of a worker (``DOCUMENT_TEXT_BACKGROUND_TIMEOUT``).

    Enqueued only when the text did not come out within the request's budget and
    ``TASKS`` names a backend with a worker; with django-tasks' default backend,
    which runs a task at once inside the request, it would only block it again.
    """
    document = ResourceDocument.objects.filter(pk=document_id, file_hash=file_hash).first()
    if document is None:
        return  # deleted, or given another file since
    timeout = getattr(settings, "DOCUMENT_TEXT_BACKGROUND_TIMEOUT", None) or 120
    with document.open_file() as f:
        text = extract_text(f, name=document.file.name, timeout=timeout)
    if text:
        document.extracted_text = text
        document.save(update_fields=["extracted_text"])
