"""Which extensions have text, how each is read, and the text kept.

Imported by the child process too: nothing here may import Django.
"""

import os
import re

from .archives import ARCHIVE_FORMATS, _archive_text
from .limits import ENCRYPTED, FAILED, MAX_CHARS, MEMORY, OK, ExtractionError

WHITESPACE_RE = re.compile(r"[ \t\r\f\v]+")
BLANK_LINES_RE = re.compile(r"\n\s*\n+")
# NUL and other control characters: PostgreSQL refuses NUL in text columns.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def extension_of(name):
    return os.path.splitext(name or "")[1][1:].lower()


# PDF (pypdf has its own limits on streams and tokens; the child process adds time and memory).


def _pdf(file):
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(file)
        encrypted = reader.is_encrypted
        if not encrypted and not len(reader.pages):
            raise ExtractionError("a PDF without pages")
    except ExtractionError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, IndexError, RecursionError) as exc:
        raise ExtractionError(f"{type(exc).__name__}: {exc}") from exc
    if encrypted:
        # Many PDFs are "encrypted" only against editing, with an empty password.
        try:
            if not reader.decrypt(""):
                raise ExtractionError("encrypted PDF", status=ENCRYPTED)
        except ExtractionError:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf raises various types here
            raise ExtractionError(f"encrypted PDF: {exc}", status=ENCRYPTED) from exc
    parts = []
    length = 0
    try:
        for page in reader.pages:
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text)
            if length > MAX_CHARS:
                break
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - the PDF opens; its text does not come out
        raise ExtractionError(f"{type(exc).__name__}: {exc}", status=FAILED) from exc
    return "\n".join(parts)


def _text(file):
    data = file.read(MAX_CHARS * 4)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _archive_extractor(extension):
    return lambda file: _archive_text(file, extension)


EXTRACTORS = {
    "pdf": _pdf,
    "txt": _text,
    "csv": _text,
    **{extension: _archive_extractor(extension) for extension in ARCHIVE_FORMATS},
}
# Read in the calling process: a bounded read of plain bytes.
IN_PROCESS = {"txt", "csv"}


def clean_text(text):
    text = CONTROL_RE.sub(" ", text or "")
    text = WHITESPACE_RE.sub(" ", text)
    text = BLANK_LINES_RE.sub("\n\n", text)
    return text.strip()[:MAX_CHARS]


def _extract_here(file, extension):
    """(status, text, detail) of extracting in this process, for the child or a text file."""
    try:
        file.seek(0)
        return OK, clean_text(EXTRACTORS[extension](file)), ""
    except MemoryError:
        return MEMORY, "", "memory limit reached"
    except ExtractionError as exc:
        return exc.status, "", str(exc)
    except Exception as exc:  # noqa: BLE001 - a bad file must never block saving
        return FAILED, "", f"{type(exc).__name__}: {exc}"
