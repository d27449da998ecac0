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
- PDFs and zip-based documents are read in a **child process** (this module run
  with ``python -m``, importing nothing from Django) with a time budget
  (``timeout``, seconds of wall clock) and a memory limit (``RLIMIT_AS``); when
  either runs out, the child is killed and the request carries on.

Extraction never raises: an encrypted, damaged, oversized or too slow file is
logged and yields no text, and the document is saved all the same.
:func:`extract_text` returns an :class:`ExtractedText`, a ``str`` that also says
how extraction went (``status``), so that the caller can tell the person that
the file's text will not be searchable.
"""

import hashlib
import io
import json
import logging
import math
import os
import re
import signal
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections import OrderedDict
from pathlib import Path

logger = logging.getLogger(__name__)

# About 150 pages of dense text: enough to find a handout by any of its words,
# small enough to keep index rows and search excerpts reasonable.
MAX_CHARS = 300_000

# Zip-based documents. An archive beyond these is refused at upload (resources.uploads):
MAX_UNCOMPRESSED_SIZE = 200 * 1024 * 1024  # everything inside, as the central directory declares it
MAX_ARCHIVE_ENTRIES = 5_000  # a long DOCX has a few dozen parts, a big PPTX a few hundred
MAX_CENTRAL_DIRECTORY = 2 * 1024 * 1024  # bytes of the archive's table of contents (5,000 long names: ~1 MB)
# Reading text stops (the file stays, without text) beyond these:
MAX_PART_SIZE = 48 * 1024 * 1024  # one XML part read for its text (word/document.xml, a slide...)
MAX_PARTS_TOTAL = 96 * 1024 * 1024  # all parts read for text, together
READ_CHUNK = 256 * 1024

# The child process's budget, unless the caller (or Django's settings) says otherwise.
DEFAULT_TIMEOUT = 10  # seconds; DOCUMENT_TEXT_TIMEOUT
DEFAULT_MEMORY_LIMIT = 1024 * 1024 * 1024  # bytes of address space; DOCUMENT_TEXT_MEMORY_LIMIT (in MB)
# Files saved outside the admin (a management command, the demo) may be bigger than an upload.
MAX_FILE_SIZE = 100 * 1024 * 1024

# How an extraction went (``ExtractedText.status``).
OK = "ok"
DAMAGED = "damaged"  # the file does not open as its extension says
ENCRYPTED = "encrypted"  # a password-protected PDF: it opens, its text cannot be read
FAILED = "failed"  # it opens, but reading its text failed
TOO_LARGE = "too-large"  # a size limit (archive, part, file)
TIMEOUT = "timeout"  # the time budget ran out
MEMORY = "memory"  # the memory limit was reached
LIMIT_STATUSES = {TOO_LARGE, TIMEOUT, MEMORY}

WHITESPACE_RE = re.compile(r"[ \t\r\f\v]+")
BLANK_LINES_RE = re.compile(r"\n\s*\n+")
# NUL and other control characters: PostgreSQL refuses NUL in text columns.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
DIGITS_RE = re.compile(r"(\d+)")
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ExtractionError(Exception):
    """The file could not be read as its extension says (damaged, encrypted, too big)."""

    status = DAMAGED

    def __init__(self, message, status=None):
        super().__init__(message)
        if status:
            self.status = status


class ArchiveTooLarge(ExtractionError):
    """A zip-based document beyond a size or entry-count limit."""

    status = TOO_LARGE


class ExtractedText(str):
    """The text of a file, and how its extraction went (``status``, ``detail``)."""

    def __new__(cls, text="", status=OK, detail=""):
        value = super().__new__(cls, text)
        value.status = status
        value.detail = detail
        return value


def extension_of(name):
    return os.path.splitext(name or "")[1][1:].lower()


# Zip-based documents: the central directory, then a bounded stream.


def inspect_archive(file):
    """The ``ZipFile`` of ``file`` once its table of contents is within limits.

    The entry count and the size of the central directory are read from the
    end-of-archive record *before* ``zipfile`` parses the directory (a 20 MB
    file can list 400,000 entries). Raises ``ArchiveTooLarge`` beyond a limit,
    ``zipfile.BadZipFile`` for a damaged archive. The caller closes the archive.
    """
    file.seek(0)
    try:
        end = zipfile._EndRecData(file)  # noqa: SLF001 - the only reader of the end record
    except (AttributeError, OSError, ValueError):
        end = None
    if end is None:
        raise zipfile.BadZipFile("no end of central directory")
    if end[zipfile._ECD_ENTRIES_TOTAL] > MAX_ARCHIVE_ENTRIES:  # noqa: SLF001
        raise ArchiveTooLarge(f"{end[zipfile._ECD_ENTRIES_TOTAL]} entries")  # noqa: SLF001
    if end[zipfile._ECD_SIZE] > MAX_CENTRAL_DIRECTORY:  # noqa: SLF001
        raise ArchiveTooLarge(f"central directory of {end[zipfile._ECD_SIZE]} bytes")  # noqa: SLF001
    archive = zipfile.ZipFile(file)
    try:
        entries = archive.infolist()
        if len(entries) > MAX_ARCHIVE_ENTRIES:
            raise ArchiveTooLarge(f"{len(entries)} entries")
        total = sum(info.file_size for info in entries)
        if total > MAX_UNCOMPRESSED_SIZE:
            raise ArchiveTooLarge(f"inflates to {total} bytes")
    except BaseException:
        archive.close()
        raise
    return archive


class PartBudget:
    """Bytes still allowed to be inflated for text, across the parts of one archive."""

    def __init__(self, total=MAX_PARTS_TOTAL, per_part=MAX_PART_SIZE):
        self.left = total
        self.per_part = per_part

    def check_declared(self, infos):
        """Refuse up front, from the central directory, parts that would not fit."""
        for info in infos:
            if info.file_size > self.per_part:
                raise ArchiveTooLarge(f"{info.filename} inflates to {info.file_size} bytes")
        declared = sum(info.file_size for info in infos)
        if declared > self.left:
            raise ArchiveTooLarge(f"the parts to read inflate to {declared} bytes")


def read_part(archive, info, budget, chunk_size=READ_CHUNK):
    """Yield the inflated bytes of one archive entry, at most what ``budget`` allows.

    Whatever the headers say, reading stops with ``ArchiveTooLarge`` once the
    part or the archive's total goes over its limit. Only stored and deflated
    entries are read (an office document uses nothing else; bzip2 and lzma
    would inflate a whole block at once).
    """
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ExtractionError(f"{info.filename}: unexpected compression {info.compress_type}")
    read = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(chunk_size)
            if not chunk:
                return
            read += len(chunk)
            budget.left -= len(chunk)
            if read > budget.per_part or budget.left < 0:
                raise ArchiveTooLarge(f"{info.filename} inflates beyond the limit")
            yield chunk


class _Enough(Exception):
    """Enough text collected: stop parsing."""


class XMLText:
    """The text of an XML part, parsed as a stream by expat: no tree, no DTD, no entities.

    ``containers``: local names whose character data is text (DOCX ``t``, ODF ``p``);
    ``paragraphs``: local names that end a paragraph; ``breaks``: local names that
    stand for a character ("tab": "\\t"); ``spaces``: ODF's ``<text:s text:c="3"/>``.
    Stops quietly after ``limit`` characters.
    """

    def __init__(self, containers, paragraphs, breaks=None, spaces=None, limit=MAX_CHARS):
        self.containers = set(containers)
        self.paragraphs = set(paragraphs)
        self.breaks = dict(breaks or {})
        self.spaces = spaces
        self.limit = limit
        self.lines = []
        self.current = []
        self.inside = 0
        self.length = 0

    @staticmethod
    def _local(name):
        return name.rpartition("}")[2]

    def _start(self, name, attributes):
        local = self._local(name)
        if local in self.containers:
            self.inside += 1
        elif self.inside and local in self.breaks:
            self._add(self.breaks[local])
        elif self.inside and local == self.spaces:
            count = next((v for k, v in attributes.items() if self._local(k) == "c"), "1")
            self._add(" " * min(int(count) if count.isdigit() else 1, 100))

    def _end(self, name):
        local = self._local(name)
        if local in self.containers:
            self.inside -= 1
        if local in self.paragraphs:
            self._flush()

    def _characters(self, data):
        if self.inside:
            self._add(data)

    def _add(self, text):
        self.current.append(text)
        self.length += len(text)
        if self.length > self.limit:
            raise _Enough

    def _flush(self):
        if self.current:
            self.lines.append("".join(self.current))
            self.current = []

    @staticmethod
    def _refuse(*_args):
        raise ExtractionError("XML with a document type declaration")

    def parse(self, chunks):
        from xml.parsers import expat

        parser = expat.ParserCreate(namespace_separator="}")
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        parser.buffer_text = True
        # Office XML never declares a DTD: one here is an entity-expansion bomb.
        parser.StartDoctypeDeclHandler = self._refuse
        parser.EntityDeclHandler = self._refuse
        try:
            for chunk in chunks:
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except _Enough:
            pass
        except expat.ExpatError as exc:
            raise ExtractionError(f"XML: {exc}") from exc
        self._flush()
        return self.lines


def _natural(name):
    return [int(part) if part.isdigit() else part for part in DIGITS_RE.split(name)]


def _named(wanted):
    return lambda names: [n for n in names if n == wanted]


def _numbered(prefix):
    return lambda names: sorted((n for n in names if n.startswith(prefix) and n.endswith(".xml")), key=_natural)


# For each zip-based format: which parts carry the text, and how to read it.
ARCHIVE_FORMATS = {
    "docx": (
        _named("word/document.xml"),
        lambda limit: XMLText({"t"}, {"p"}, breaks={"tab": "\t", "br": "\n", "cr": "\n"}, limit=limit),
    ),
    "pptx": (_numbered("ppt/slides/slide"), lambda limit: XMLText({"t"}, {"p"}, limit=limit)),
    "xlsx": (_numbered("xl/sharedStrings"), lambda limit: XMLText({"t"}, {"si"}, limit=limit)),
}
# Headings and paragraphs carry the text of OpenDocument texts, slides and sheet cells alike.
_ODF = (
    _named("content.xml"),
    lambda limit: XMLText({"p", "h"}, {"p", "h"}, breaks={"tab": "\t", "line-break": "\n"}, spaces="s", limit=limit),
)
ARCHIVE_FORMATS.update({"odt": _ODF, "odp": _ODF, "ods": _ODF})


def _text_parts(archive, extension):
    """The entries to read for text, once their declared sizes fit the budget."""
    select, _parser = ARCHIVE_FORMATS[extension]
    infos = [archive.getinfo(name) for name in select(archive.namelist())]
    if not infos:
        raise ExtractionError("no text part in the archive")
    budget = PartBudget()
    budget.check_declared(infos)
    return infos, budget


def _open_archive(file):
    try:
        return inspect_archive(file)
    except zipfile.BadZipFile as exc:
        raise ExtractionError(f"damaged archive: {exc}") from exc


def _archive_text(file, extension):
    """Text of a zip-based document, read within the limits."""
    with _open_archive(file) as archive:
        infos, budget = _text_parts(archive, extension)
        _select, parser_factory = ARCHIVE_FORMATS[extension]
        lines = []
        length = 0
        for info in infos:
            try:
                part_lines = parser_factory(MAX_CHARS - length).parse(read_part(archive, info, budget))
            except (zipfile.BadZipFile, EOFError, zlib.error) as exc:
                raise ExtractionError(f"damaged archive: {exc}") from exc
            lines += part_lines
            length += sum(len(line) for line in part_lines)
            if length >= MAX_CHARS:
                break
    return "\n".join(lines)


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


# The child process


def _child_main():
    """``python -m resources.text_extraction '{"extension": ..., ...}'``: the file on stdin, JSON on stdout."""
    options = json.loads(sys.argv[1])
    try:
        import resource

        memory = int(options["memory"])
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = int(options["cpu"])
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    except (ImportError, ValueError, OSError):  # not Linux, or a limit the system refuses
        pass
    logging.disable(logging.CRITICAL)  # pypdf's warnings would only fill the pipe
    import warnings

    warnings.simplefilter("ignore")
    data = sys.stdin.buffer.read()
    status, text, detail = _extract_here(io.BytesIO(data), options["extension"])
    del data
    out = json.dumps({"status": status, "text": text, "detail": detail[:500]})
    sys.stdout.write(out)
    sys.stdout.flush()


def _run_child(data, extension, timeout, memory_limit):
    command = [sys.executable, "-m", "resources.text_extraction"]
    options = {"extension": extension, "memory": memory_limit, "cpu": math.ceil(timeout) + 1}
    started = time.monotonic()
    try:
        done = subprocess.run(
            command + [json.dumps(options)],
            input=data,
            capture_output=True,
            timeout=timeout,
            cwd=PROJECT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ExtractedText("", TIMEOUT, f"no text after {timeout:g} s")
    except OSError as exc:  # no process could be started (a process limit reached)
        return ExtractedText("", FAILED, f"cannot start the extraction: {exc}")
    if done.returncode != 0 or not done.stdout:
        detail = f"exit status {done.returncode}: {done.stderr[-300:]!r}"
        # SIGXCPU is the CPU limit; an allocation refused by RLIMIT_AS may end in
        # MemoryError outside our handler, or abort in C code (a signal).
        if done.returncode == -signal.SIGXCPU or time.monotonic() - started >= timeout:
            return ExtractedText("", TIMEOUT, f"no text after {timeout:g} s")
        if done.returncode < 0 or b"MemoryError" in done.stderr:
            return ExtractedText("", MEMORY, detail)
        return ExtractedText("", FAILED, detail)
    try:
        result = json.loads(done.stdout)
        return ExtractedText(clean_text(result["text"]), result["status"], result.get("detail", ""))
    except (ValueError, KeyError, TypeError) as exc:
        return ExtractedText("", FAILED, f"unreadable answer: {exc}")


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

        timeout = getattr(settings, "DOCUMENT_TEXT_TIMEOUT", None) or timeout
        memory_mb = getattr(settings, "DOCUMENT_TEXT_MEMORY_LIMIT", None) or memory_mb
    except Exception:  # noqa: BLE001 - Django absent or not configured
        pass
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
            key = (hashlib.sha1(data).hexdigest(), extension, timeout, memory_limit)
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


if __name__ == "__main__":
    _child_main()
