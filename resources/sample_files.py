"""The sample files' writers, now ``ciao.sample_files`` (one writer per format for every app).

Kept for tests/resources/test_hostile_files.py, tests/resources/test_uploads.py and
tests/browser/test_contributor_journeys.py, which import them from here and are
looked after elsewhere; once they import ``ciao.sample_files``, this module goes.
"""

from ciao.sample_files import docx_bytes, file_bytes, odt_bytes, pdf_bytes

__all__ = ["docx_bytes", "file_bytes", "odt_bytes", "pdf_bytes"]
