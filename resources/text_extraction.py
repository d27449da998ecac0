"""The text inside a material's files, so that search finds a word only the file contains.

Extraction never raises: an encrypted, damaged or unusual file is logged and
yields no text, and the document is saved all the same (``extract_text``
returns "" then).
"""

import logging
import re
import zipfile
from xml.etree import ElementTree

from .uploads import MAX_UNCOMPRESSED_SIZE, extension_of

logger = logging.getLogger(__name__)

# About 150 pages of dense text: enough to find a handout by any of its words,
# small enough to keep index rows and search excerpts reasonable.
MAX_CHARS = 300_000
WHITESPACE_RE = re.compile(r"[ \t\r\f\v]+")
BLANK_LINES_RE = re.compile(r"\n\s*\n+")
# NUL and other control characters: PostgreSQL refuses NUL in text columns.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ExtractionError(Exception):
    """The file could not be read as its extension says (damaged, encrypted, too big)."""


def _pdf(file):
    from pypdf import PdfReader

    reader = PdfReader(file)
    if reader.is_encrypted:
        # Many PDFs are "encrypted" only against editing, with an empty password.
        try:
            if not reader.decrypt(""):
                raise ExtractionError("encrypted PDF")
        except Exception as exc:  # noqa: BLE001 - pypdf raises various types here
            raise ExtractionError(f"encrypted PDF: {exc}") from exc
    parts = []
    length = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
        if length > MAX_CHARS:
            break
    return "\n".join(parts)


def _docx(file):
    import docx

    _check_archive(file)
    document = docx.Document(file)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _odf(file):
    from odf import teletype
    from odf import text as odf_text
    from odf.opendocument import load

    _check_archive(file)
    document = load(file)
    # Headings and paragraphs carry the text of documents, slides and sheet cells alike.
    elements = document.body.getElementsByType(odf_text.H) + document.body.getElementsByType(odf_text.P)
    return "\n".join(teletype.extractText(element) for element in elements)


def _ooxml_parts(file, prefix, tag):
    """Text of the ``tag`` elements in the XML parts under ``prefix`` (PPTX slides, XLSX strings)."""
    _check_archive(file)
    parts = []
    with zipfile.ZipFile(file) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith(prefix) and n.endswith(".xml"))
        for name in names:
            root = ElementTree.fromstring(archive.read(name))
            parts.extend(el.text or "" for el in root.iter() if el.tag.endswith(tag))
    return "\n".join(parts)


def _pptx(file):
    return _ooxml_parts(file, "ppt/slides/slide", "}t")


def _xlsx(file):
    return _ooxml_parts(file, "xl/sharedStrings", "}t")


def _text(file):
    data = file.read(MAX_CHARS * 4)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _check_archive(file):
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNCOMPRESSED_SIZE:
                raise ExtractionError("archive inflates beyond the limit")
    except zipfile.BadZipFile as exc:
        raise ExtractionError(f"damaged archive: {exc}") from exc
    finally:
        file.seek(0)


EXTRACTORS = {
    "pdf": _pdf,
    "docx": _docx,
    "odt": _odf,
    "odp": _odf,
    "ods": _odf,
    "pptx": _pptx,
    "xlsx": _xlsx,
    "txt": _text,
    "csv": _text,
}


def clean_text(text):
    text = CONTROL_RE.sub(" ", text or "")
    text = WHITESPACE_RE.sub(" ", text)
    text = BLANK_LINES_RE.sub("\n\n", text)
    return text.strip()[:MAX_CHARS]


def extract_text(file, name=None):
    """The readable text of ``file`` (an open binary file), "" when there is none or it fails."""
    name = name or getattr(file, "name", "")
    extractor = EXTRACTORS.get(extension_of(name))
    if extractor is None:
        return ""
    try:
        file.seek(0)
        return clean_text(extractor(file))
    except Exception as exc:  # noqa: BLE001 - a bad file must never block saving
        logger.warning("No text extracted from %s: %s: %s", name, type(exc).__name__, exc)
        return ""
    finally:
        try:
            file.seek(0)
        except (ValueError, OSError):
            pass
