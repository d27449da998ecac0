"""django-modelsearch's generic backend suite, run against our Whoosh backend.

Run as ``python -m pytest tests/conformance --ds=tests.conformance.settings``.
"""

import pytest
from django.conf import settings

if not settings.FIXTURE_DIRS or not (
    __import__("pathlib").Path(settings.FIXTURE_DIRS[0]) / "search.json"
).is_file():
    pytest.skip(
        "The conformance fixture (../shared/conformance/search.json beside the "
        "checkout) is absent: skipping modelsearch's backend suite.",
        allow_module_level=True,
    )

from django.test import TestCase  # noqa: E402
from modelsearch.test.testapp import models  # noqa: E402
from modelsearch.tests.test_backends import BackendTests  # noqa: E402


class TestWhooshSearchBackend(BackendTests, TestCase):
    backend_path = "search.backend"

    def test_reset_indexes(self):
        # After a reset the index is empty, like the other indexing backends.
        self.backend.reset_indexes()
        results = self.backend.search("JavaScript", models.Book)
        self.assertEqual(results.count(), 0)
