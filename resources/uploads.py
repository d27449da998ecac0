"""What a material's file may be: an allow-list of formats, a size limit, content checks.

An extension alone proves nothing (a PDF renamed ``.docx``, a program renamed
``.pdf``), so each accepted format names how to recognise its content, and a
file is refused unless its bytes match its extension. Refusals are
``ValidationError``s in plain Italian that say what was found and what to do.
"""

import os
import secrets
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# A zip-based document that inflates beyond MAX_UNCOMPRESSED_SIZE, or lists more
# than MAX_ARCHIVE_ENTRIES parts, is a zip bomb, not a handout.
from .text_extraction import (
    DAMAGED,
    MAX_ARCHIVE_ENTRIES,
    MAX_UNCOMPRESSED_SIZE,
    ArchiveTooLarge,
    PartBudget,
    extract_text,
    inspect_archive,
    read_part,
)

DEFAULT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
SNIFF_BYTES = 8192
MAX_MIMETYPE_SIZE = 1024  # the "mimetype" entry of an OpenDocument file


@dataclass(frozen=True)
class FileFormat:
    extension: str
    label: str  # shown to visitors next to the download link
    content_type: str
    family: str  # how the content is recognised, see ``detect``
    icon: str = "it-file"  # Bootstrap Italia icon next to a download link


FORMATS = {
    f.extension: f
    for f in [
        FileFormat("pdf", gettext_lazy("PDF"), "application/pdf", "pdf", "it-file-pdf"),
        FileFormat(
            "docx",
            gettext_lazy("Word (DOCX)"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
            "it-file-docx",
        ),
        FileFormat(
            "odt",
            gettext_lazy("OpenDocument testo (ODT)"),
            "application/vnd.oasis.opendocument.text",
            "odt",
            "it-file-odt",
        ),
        FileFormat(
            "pptx",
            gettext_lazy("PowerPoint (PPTX)"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "pptx",
            "it-file-ppt",
        ),
        FileFormat(
            "odp",
            gettext_lazy("OpenDocument presentazione (ODP)"),
            "application/vnd.oasis.opendocument.presentation",
            "odp",
            "it-file-odp",
        ),
        FileFormat(
            "xlsx",
            gettext_lazy("Excel (XLSX)"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            "it-file-xlsx",
        ),
        FileFormat(
            "ods",
            gettext_lazy("OpenDocument foglio di calcolo (ODS)"),
            "application/vnd.oasis.opendocument.spreadsheet",
            "ods",
            "it-file-ods",
        ),
        FileFormat("txt", gettext_lazy("testo (TXT)"), "text/plain", "text", "it-file-txt"),
        FileFormat("csv", gettext_lazy("dati tabellari (CSV)"), "text/csv", "text", "it-file-csv"),
        FileFormat("jpg", gettext_lazy("immagine JPEG"), "image/jpeg", "jpeg", "it-file-image"),
        FileFormat("jpeg", gettext_lazy("immagine JPEG"), "image/jpeg", "jpeg", "it-file-image"),
        FileFormat("png", gettext_lazy("immagine PNG"), "image/png", "png", "it-file-image"),
        FileFormat("gif", gettext_lazy("immagine GIF"), "image/gif", "gif", "it-file-image"),
        FileFormat("webp", gettext_lazy("immagine WebP"), "image/webp", "webp", "it-file-image"),
    ]
}
ALLOWED_EXTENSIONS = list(FORMATS)

ODF_MIMETYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
}
OOXML_MAIN_PARTS = {
    "word/document.xml": "docx",
    "ppt/presentation.xml": "pptx",
    "xl/workbook.xml": "xlsx",
}
OOXML_FAMILIES = {"docx", "pptx", "xlsx"}
ODF_FAMILIES = {"odt", "odp", "ods"}
# How a detected family is named in a message ("il contenuto è quello di ...").
FAMILY_NAMES = {
    "pdf": gettext_lazy("un PDF"),
    "docx": gettext_lazy("un documento Word (DOCX)"),
    "odt": gettext_lazy("un documento OpenDocument (ODT)"),
    "pptx": gettext_lazy("una presentazione PowerPoint (PPTX)"),
    "odp": gettext_lazy("una presentazione OpenDocument (ODP)"),
    "xlsx": gettext_lazy("un foglio Excel (XLSX)"),
    "ods": gettext_lazy("un foglio OpenDocument (ODS)"),
    "text": gettext_lazy("un file di testo"),
    "jpeg": gettext_lazy("un'immagine JPEG"),
    "png": gettext_lazy("un'immagine PNG"),
    "gif": gettext_lazy("un'immagine GIF"),
    "webp": gettext_lazy("un'immagine WebP"),
    "zip": gettext_lazy("un archivio compresso (ZIP)"),
    "oversized-zip": gettext_lazy("un archivio compresso (ZIP)"),
    "executable": gettext_lazy("un programma eseguibile"),
    "doc": gettext_lazy("un documento Word del vecchio formato (DOC)"),
}
EXECUTABLE_KINDS = {"exe", "elf", "wasm", "crx", "deb", "rpm", "cab", "swf"}


def max_upload_size():
    return getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None) or DEFAULT_MAX_UPLOAD_SIZE


def extension_of(name):
    return os.path.splitext(name or "")[1][1:].lower()


def format_for(name):
    """The ``FileFormat`` of a file name, or None if the extension is not accepted."""
    return FORMATS.get(extension_of(name))


def accepted_formats_text():
    seen = []
    for extension in ALLOWED_EXTENSIONS:
        if extension == "jpeg":
            continue
        seen.append(extension.upper())
    return ", ".join(seen)


def document_upload_path(instance, filename):
    """Store files under a plain ASCII name (the name a visitor's download gets) in a folder
    nobody can guess, so a file is never reachable by trying names under media/documents/."""
    stem, extension = os.path.splitext(os.path.basename(filename))
    stem = slugify(stem)[:80].strip("-") or "documento"
    return f"documents/{secrets.token_urlsafe(12)}/{stem}{extension.lower()}"


def _read_head(file):
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(position)
    return head


def _zip_family(file):
    """'docx', 'odt', ... for a zip-based office document; 'zip' for any other archive.

    Only the archive's table of contents is read, and the few bytes of an
    OpenDocument's "mimetype" entry through a bounded stream. Raises
    ``ArchiveTooLarge`` for an archive beyond the limits (a zip bomb),
    ``zipfile.BadZipFile`` for a damaged one.
    """
    file.seek(0)
    try:
        with inspect_archive(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                budget = PartBudget(total=MAX_MIMETYPE_SIZE, per_part=MAX_MIMETYPE_SIZE)
                try:
                    raw = b"".join(read_part(archive, archive.getinfo("mimetype"), budget))
                except ArchiveTooLarge:
                    raw = b""
                mimetype = raw.decode("ascii", "replace").strip()
                if mimetype in ODF_MIMETYPES:
                    return ODF_MIMETYPES[mimetype]
            if "[Content_Types].xml" in names:
                for part, family in OOXML_MAIN_PARTS.items():
                    if part in names:
                        return family
            return "zip"
    finally:
        file.seek(0)


def detect(file):
    """The family of a file's content: 'pdf', 'docx', 'text', 'zip', 'executable', ... or None.

    Returns 'damaged-zip' for an archive that cannot be read, 'oversized-zip' for
    one beyond the limits on its size once inflated or on its number of entries.
    """
    head = _read_head(file)
    if not head:
        return None
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            return _zip_family(file)
        except ArchiveTooLarge:
            return "oversized-zip"
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, NotImplementedError):
            return "damaged-zip"
    kind = filetype.guess(head)
    if kind is not None:
        if kind.extension in EXECUTABLE_KINDS:
            return "executable"
        if kind.extension in {"jpg", "png", "gif", "webp"}:
            return {"jpg": "jpeg"}.get(kind.extension, kind.extension)
        if kind.extension in {"doc", "xls", "ppt"}:
            return "doc"
        return kind.extension
    if head.startswith(b"MZ"):
        return "executable"
    if b"\x00" not in head:
        return "text"
    return None


def _pdf_opens(file, name):
    """True unless pypdf finds the PDF's structure broken (an encrypted PDF counts as readable).

    pypdf reads it in the bounded child process of ``text_extraction``, which
    extracts the text at the same time (remembered for the document's save). A
    PDF that runs out of time or memory there is not called damaged: it is
    accepted, and saved without text.
    """
    return extract_text(file, name=name, keep=True).status != DAMAGED


def validate_document_file(file, name=None):
    """Raise ``ValidationError`` (Italian, for the person uploading) unless the file is acceptable."""
    name = os.path.basename(name or getattr(file, "name", "") or "")
    extension = extension_of(name)
    expected = FORMATS.get(extension)
    if expected is None:
        found = (
            _("Il file «%(name)s» non ha estensione.") % {"name": name}
            if not extension
            else _("Il formato «.%(ext)s» non è accettato.") % {"ext": extension}
        )
        accepted = _(
            "Si possono caricare solo documenti, presentazioni, fogli di calcolo e immagini: %(formats)s. "
            "Archivi compressi (ZIP, RAR...) e programmi non sono ammessi."
        ) % {"formats": accepted_formats_text()}
        raise ValidationError(
            f"{found} {accepted}",
            code="extension_not_allowed",
        )

    size = getattr(file, "size", None)
    limit = max_upload_size()
    if size is not None and size > limit:
        raise ValidationError(
            _(
                "Il file «%(name)s» è troppo grande (%(size)s): il limite è %(limit)s. "
                "Provi a ridurlo (ad esempio esportando il PDF con una qualità minore) o a dividerlo in più parti."
            )
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    if not size:
        raise ValidationError(_("Il file «%(name)s» è vuoto.") % {"name": name}, code="empty_file")

    family = detect(file)
    if family == "oversized-zip" and expected.family in OOXML_FAMILIES | ODF_FAMILIES:
        raise ValidationError(
            _(
                "Il file «%(name)s» una volta aperto occuperebbe più di %(limit)s, oppure è fatto di più di "
                "%(entries)s parti: non è un normale documento e non si può caricare. "
                "Provi a salvarlo di nuovo dal programma con cui è stato creato, o a dividerlo in più file."
            )
            % {
                "name": name,
                "limit": filesizeformat(MAX_UNCOMPRESSED_SIZE),
                "entries": number_format(MAX_ARCHIVE_ENTRIES, force_grouping=True),
            },
            code="archive_too_large",
        )
    if family == "damaged-zip" and expected.family in OOXML_FAMILIES | ODF_FAMILIES:
        raise ValidationError(
            _(
                "Il file «%(name)s» è danneggiato e non si può aprire. "
                "Provi a salvarlo di nuovo dal programma con cui è stato creato e a ricaricarlo."
            )
            % {"name": name},
            code="damaged_file",
        )
    if family != expected.family:
        found = FAMILY_NAMES.get(family)
        what = (
            _("il contenuto è quello di %(found)s") % {"found": found}
            if found
            else _("il contenuto non è riconoscibile")
        )
        raise ValidationError(
            _(
                "Il file «%(name)s» ha l'estensione .%(ext)s ma %(what)s. "
                "Controlli di aver scelto il file giusto, oppure lo salvi nel formato indicato dall'estensione."
            )
            % {"name": name, "ext": extension, "what": what},
            code="content_mismatch",
        )
    if family == "pdf" and not _pdf_opens(file, name):
        raise ValidationError(
            _(
                "Il file PDF «%(name)s» è danneggiato e non si può aprire. "
                "Provi a esportarlo di nuovo in PDF e a ricaricarlo."
            )
            % {"name": name},
            code="damaged_file",
        )


# After saving: a file whose text could not be read is still saved, and the person who
# uploaded it is told on their next admin page (the upload views answer with a redirect,
# or with JSON in the chooser and the multiple upload, so the notice waits in the cache).

NOTICE_SECONDS = 60 * 60


def _notice_key(user_id):
    return f"resources:upload-notices:{user_id}"


def text_not_searchable(document, status, later=False):
    """Tell whoever uploaded ``document`` that its text was not read (``status``; logged already)."""
    from django.core.cache import cache

    from .text_extraction import ENCRYPTED, LIMIT_STATUSES

    if later:
        message = _(
            "Il documento «%(title)s» è stato caricato. Leggerne il testo richiede più tempo del solito: "
            "sarà cercabile tra qualche minuto."
        )
    elif status in LIMIT_STATUSES:
        message = _(
            "Il documento «%(title)s» è stato caricato, ma il testo al suo interno non sarà cercabile: "
            "il file è troppo grande o complesso per leggerlo entro i limiti del sito. "
            "Si troverà per titolo ed etichette. Per rendere cercabile il testo, carichi una versione "
            "più leggera del file (per esempio divisa in più parti, o un PDF esportato di nuovo)."
        )
    elif status == ENCRYPTED:
        message = _(
            "Il documento «%(title)s» è stato caricato, ma è protetto da password: il testo al suo interno "
            "non sarà cercabile. Si troverà per titolo ed etichette."
        )
    else:
        message = _(
            "Il documento «%(title)s» è stato caricato, ma il testo al suo interno non si riesce a leggere "
            "e non sarà cercabile. Si troverà per titolo ed etichette."
        )
    user_id = document.uploaded_by_user_id
    if user_id:
        key = _notice_key(user_id)
        cache.set(key, (cache.get(key) or [])[-9:] + [message % {"title": document.title}], NOTICE_SECONDS)


def pop_upload_notices(user):
    """The notices waiting for ``user`` (and forget them)."""
    from django.core.cache import cache

    if not getattr(user, "pk", None):
        return []
    key = _notice_key(user.pk)
    notices = cache.get(key) or []
    if notices:
        cache.delete(key)
    return notices
