"""What extraction allows itself, how it went, and the errors that end it.

Imported by the child process too: nothing here may import Django.
"""

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
