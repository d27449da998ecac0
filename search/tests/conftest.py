"""Fixtures for the package's tests: the backend on a fresh folder, and books.

The models are modelsearch's test app (``Book``, ``Author``, ``Novel``...): the
package needs no other. Text is Italian, as the backend's default analysis.
The backend settings they use are in factories.py.
"""

import datetime

import pytest
from modelsearch.backends import get_search_backend

from .factories import DATABASE_SETTINGS, whoosh_settings


@pytest.fixture
def whoosh(settings, tmp_path):
    """The Whoosh backend as the default search backend, with an empty index."""
    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    return get_search_backend()


@pytest.fixture(params=["whoosh", "database"])
def any_backend(request, settings, tmp_path):
    """Each test runs once on the Whoosh backend and once on modelsearch's database backend."""
    if request.param == "whoosh":
        settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    else:
        settings.MODELSEARCH_BACKENDS = DATABASE_SETTINGS
    return request.param


@pytest.fixture
def book(db):
    """``book(title, summary="", pages=100)``: a saved ``Book`` (indexed on save)."""
    from modelsearch.test.testapp.models import Book

    def _book(title, summary="", pages=100):
        return Book.objects.create(
            title=title,
            summary=summary,
            publication_date=datetime.date(2024, 1, 1),
            number_of_pages=pages,
        )

    return _book
