"""Fixtures for the search tests: our backend in a fresh folder, and pages."""

import pytest
from modelsearch.backends import get_search_backend
from wagtail.rich_text import RichText


def whoosh_settings(path, **extra):
    return {
        "default": {
            "BACKEND": "search.backend",
            "PATH": str(path),
            "LANGUAGE": "it",
            "REBUILD_WORKERS": 0,
            **extra,
        }
    }


DATABASE_SETTINGS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


@pytest.fixture
def whoosh(settings, tmp_path):
    """Our Whoosh backend as the default search backend, with an empty index."""
    settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    return get_search_backend()


@pytest.fixture(params=["whoosh", "database"])
def any_backend(request, settings, tmp_path):
    """Each test runs once on our backend and once on Wagtail's database backend."""
    if request.param == "whoosh":
        settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    else:
        settings.WAGTAILSEARCH_BACKENDS = DATABASE_SETTINGS
    return request.param


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
