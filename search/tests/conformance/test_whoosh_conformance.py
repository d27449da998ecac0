"""django-modelsearch's generic backend suite, run against our Whoosh backend.

Run as ``python -m pytest search/tests/conformance --ds=search.tests.settings``
(``make test`` runs it with the rest of the package's tests).
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import TestCase
from modelsearch.test.testapp import models
from modelsearch.tests.test_backends import BackendTests

FIXTURE_PRESENT = bool(settings.FIXTURE_DIRS) and (Path(settings.FIXTURE_DIRS[0]) / "search.json").is_file()


# A class-level skip (not a module-level one) so that pytest reports a skipped
# test rather than "no tests collected", which would fail `make test`.
@pytest.mark.skipif(
    not FIXTURE_PRESENT,
    reason="The conformance fixture (../shared/conformance/search.json beside the "
    "checkout) is absent: skipping modelsearch's backend suite.",
)
class TestWhooshSearchBackend(BackendTests, TestCase):
    backend_path = "search.backend"

    def test_reset_indexes(self):
        # After a reset the index is empty, like the other indexing backends.
        self.backend.reset_indexes()
        results = self.backend.search("JavaScript", models.Book)
        self.assertEqual(results.count(), 0)
