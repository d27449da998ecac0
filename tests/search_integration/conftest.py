"""Fixtures for the search tests: our backend in a fresh folder, and pages.

``any_backend`` is tests/conftest.py's; the backend settings are in
tests/factories/search.py.
"""

import pytest
from modelsearch.backends import get_search_backend
from wagtail.rich_text import RichText

from tests.factories.search import whoosh_settings


@pytest.fixture
def whoosh(settings, tmp_path):
    """Our Whoosh backend as the default search backend, with an empty index."""
    settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    return get_search_backend()


@pytest.fixture
def publish(home):
    """``publish(title, intro="", body="", parent=home, live=True)``: a StandardPage."""
    from ciao.models import StandardPage

    def _publish(title, intro="", body="", parent=None, live=True):
        parent = parent or home
        page = StandardPage(
            title=title,
            intro=intro,
            body=[("paragraph", RichText(f"<p>{body}</p>"))] if body else [],
            live=False,
        )
        parent.add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
        page.refresh_from_db()
        return page

    return _publish
