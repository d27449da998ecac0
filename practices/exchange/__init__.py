"""Exchange between ambiti: one practice as a JSON file, exported here and imported elsewhere."""

from .export import FORMAT, VERSION, export_practice, export_response
from .importer import import_practice
from .validation import PracticeImportError, parse_json, read_practice

__all__ = [
    "FORMAT",
    "VERSION",
    "PracticeImportError",
    "export_practice",
    "export_response",
    "import_practice",
    "parse_json",
    "read_practice",
]
