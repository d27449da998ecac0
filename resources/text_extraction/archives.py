"""Zip-based documents (DOCX, PPTX, XLSX, ODT, ODP, ODS) read within bounds.

The central directory is checked before anything is inflated, each part is
read through a stream that stops at its limit whatever the headers claim, and
the XML is parsed as a stream, so memory does not grow with the file.
Imported by the child process too: nothing here may import Django.
"""

import re
import zipfile
import zlib

from .limits import (
    MAX_ARCHIVE_ENTRIES,
    MAX_CENTRAL_DIRECTORY,
    MAX_CHARS,
    MAX_PART_SIZE,
    MAX_PARTS_TOTAL,
    MAX_UNCOMPRESSED_SIZE,
    READ_CHUNK,
    ArchiveTooLarge,
    ExtractionError,
)

DIGITS_RE = re.compile(r"(\d+)")

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
    if end[zipfile._ECD_ENTRIES_TOTAL] > MAX_ARCHIVE_ENTRIES:  # noqa: SLF001 - indexes of the end record above
        raise ArchiveTooLarge(f"{end[zipfile._ECD_ENTRIES_TOTAL]} entries")  # noqa: SLF001 - indexes of the end record above
    if end[zipfile._ECD_SIZE] > MAX_CENTRAL_DIRECTORY:  # noqa: SLF001 - indexes of the end record above
        raise ArchiveTooLarge(f"central directory of {end[zipfile._ECD_SIZE]} bytes")  # noqa: SLF001 - indexes of the end record above
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
