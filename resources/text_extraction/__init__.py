"""The text inside a material's files, so that search finds a word only the file contains.

A file uploaded by a formatore is not trusted: a 600 KB .docx can inflate to
200 MB of XML, a small PDF can keep pypdf busy for minutes. So extraction is
bounded three ways:

- **zip-based documents** (DOCX, PPTX, XLSX, ODT, ODP, ODS) are checked from the
  archive's central directory first (number of entries, size of each part that
  is read, total) and then read through a bounded stream, which stops at the
  limit whatever the headers claim; their XML is parsed as a stream (expat, no
  tree, no DTD), so memory does not grow with the file;
- the text kept is at most ``MAX_CHARS`` characters;
- PDFs and zip-based documents are read in a **child process** (``child.py``,
  run with ``python -m``, importing nothing from Django) with a time budget
  (``timeout``, seconds of wall clock) and a memory limit (``RLIMIT_AS``); when
  either runs out, the child is killed and the request carries on.

Extraction never raises: an encrypted, damaged, oversized or too slow file is
logged and yields no text, and the document is saved all the same.
:func:`extract_text` returns an :class:`ExtractedText`, a ``str`` that also says
how extraction went (``status``), so that the caller can tell the person that
the file's text will not be searchable.

The modules: ``limits`` (limits, statuses, errors), ``archives`` (zip-based
documents within bounds), ``formats`` (the reader of each extension),
``child`` (the child process) and ``runner`` (starting it). This one decides
where a file is read and hands a result from an upload's validation to the
document's save. Everything but this module stays free of Django, since the
child imports the package; here Django is only read at call time, in
:func:`budget`.
"""

import contextlib
import hashlib
import io
import logging
import os
import threading
import time
import zipfile
from collections import OrderedDict

from .archives import (
    ARCHIVE_FORMATS,
    PartBudget,
    XMLText,
    _open_archive,
    _text_parts,
    inspect_archive,
    read_part,
)
from .formats import EXTRACTORS, IN_PROCESS, _extract_here, clean_text, extension_of
from .limits import (
    DAMAGED,
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_TIMEOUT,
    ENCRYPTED,
    FAILED,
    LIMIT_STATUSES,
    MAX_ARCHIVE_ENTRIES,
    MAX_CENTRAL_DIRECTORY,
    MAX_CHARS,
    MAX_FILE_SIZE,
    MAX_PART_SIZE,
    MAX_PARTS_TOTAL,
    MAX_UNCOMPRESSED_SIZE,
    MEMORY,
    OK,
    READ_CHUNK,
    TIMEOUT,
    TOO_LARGE,
    ArchiveTooLarge,
    ExtractedText,
    ExtractionError,
)

# extract_text looks the runner up in this namespace when it runs: replacing
# ``resources.text_extraction._run_child`` (tests do) takes effect.
from .runner import _run_child

__all__ = [
    "ARCHIVE_FORMATS",
    "DAMAGED",
    "DEFAULT_MEMORY_LIMIT",
    "DEFAULT_TIMEOUT",
    "ENCRYPTED",
    "EXTRACTORS",
    "FAILED",
    "IN_PROCESS",
    "LIMIT_STATUSES",
    "MAX_ARCHIVE_ENTRIES",
    "MAX_CENTRAL_DIRECTORY",
    "MAX_CHARS",
    "MAX_FILE_SIZE",
    "MAX_PARTS_TOTAL",
    "MAX_PART_SIZE",
    "MAX_UNCOMPRESSED_SIZE",
    "MEMORY",
    "OK",
    "READ_CHUNK",
    "TIMEOUT",
    "TOO_LARGE",
    "ArchiveTooLarge",
    "ExtractedText",
    "ExtractionError",
    "PartBudget",
    "XMLText",
    "budget",
    "clean_text",
    "extension_of",
    "extract_text",
    "inspect_archive",
    "read_part",
]

logger = logging.getLogger(__name__)

# Settings, and results handed from an upload's validation to the document's save (same file).

_recent = OrderedDict()
_recent_lock = threading.Lock()
RECENT_SIZE = 8
RECENT_SECONDS = 300


def budget():
    """(timeout seconds, memory bytes) from Django's settings when configured, else the defaults."""
    timeout, memory_mb = DEFAULT_TIMEOUT, DEFAULT_MEMORY_LIMIT // (1024 * 1024)
    try:
        from django.conf import settings
        from django.core.exceptions import ImproperlyConfigured
    except ImportError:  # used without Django: the defaults
        return float(timeout), int(memory_mb) * 1024 * 1024
    with contextlib.suppress(ImproperlyConfigured):  # Django there, its settings not: the defaults
        timeout = getattr(settings, "DOCUMENT_TEXT_TIMEOUT", None) or timeout
        memory_mb = getattr(settings, "DOCUMENT_TEXT_MEMORY_LIMIT", None) or memory_mb
    return float(timeout), int(memory_mb) * 1024 * 1024


def _remembered(key):
    """The result kept for ``key`` by the upload's validation, handed over once."""
    with _recent_lock:
        entry = _recent.pop(key, None)
    if entry and time.monotonic() - entry[0] < RECENT_SECONDS:
        return entry[1]
    return None


def _remember(key, result):
    with _recent_lock:
        _recent[key] = (time.monotonic(), result)
        _recent.move_to_end(key)
        while len(_recent) > RECENT_SIZE:
            _recent.popitem(last=False)


def _size_of(file):
    size = getattr(file, "size", None)
    if isinstance(size, int):
        return size
    position = file.tell()
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(position)
    return size


def extract_text(file, name=None, timeout=None, memory_limit=None, keep=False):
    """The readable text of ``file`` (an open binary file) as an ``ExtractedText``; "" when none or failed.

    ``timeout`` (seconds) and ``memory_limit`` (bytes) bound the child process;
    by default ``DOCUMENT_TEXT_TIMEOUT`` and ``DOCUMENT_TEXT_MEMORY_LIMIT``.
    ``keep``: the upload's validation reads a PDF; the result is kept (a few
    minutes) for the next call with the same bytes, the document's save, which
    then starts no second child process.
    """
    name = name or getattr(file, "name", "") or ""
    extension = extension_of(name)
    if extension not in EXTRACTORS:
        return ExtractedText("")
    default_timeout, default_memory = budget()
    timeout = default_timeout if timeout is None else timeout
    memory_limit = default_memory if memory_limit is None else memory_limit
    try:
        if extension in IN_PROCESS:
            status, text, detail = _extract_here(file, extension)
            result = ExtractedText(text, status, detail)
        elif _size_of(file) > MAX_FILE_SIZE:
            result = ExtractedText("", TOO_LARGE, "file beyond the size read for text")
        else:
            file.seek(0)
            data = file.read()
            key = (hashlib.sha256(data).hexdigest(), extension, timeout, memory_limit)
            result = _remembered(key)
            if result is not None:
                return result  # read moments ago by the upload's validation, which logged it
            result = _precheck(data, extension)  # an ExtractedText, falsy when empty: compare to None
            if result is None:
                result = _run_child(data, extension, timeout, memory_limit)
            if keep:
                _remember(key, result)
    except (OSError, ValueError) as exc:
        result = ExtractedText("", FAILED, f"{type(exc).__name__}: {exc}")
    finally:
        try:
            file.seek(0)
        except (ValueError, OSError, AttributeError):
            pass
    if result.status != OK:
        logger.warning("No text extracted from %s: %s: %s", name, result.status, result.detail)
    return result


def _precheck(data, extension):
    """For a zip-based document, the verdict of its central directory alone when it is final.

    An archive beyond a limit, damaged, or without its text part needs no child process.
    """
    if extension not in ARCHIVE_FORMATS:
        return None
    try:
        with _open_archive(io.BytesIO(data)) as archive:
            _text_parts(archive, extension)
    except ExtractionError as exc:
        return ExtractedText("", exc.status, str(exc))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError) as exc:
        return ExtractedText("", DAMAGED, f"damaged archive: {type(exc).__name__}: {exc}")
    return None
