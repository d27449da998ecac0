"""Fixtures shared by the whole suite.

The builders they call are in ``tests/factories``; tests import those from
there, never from a conftest.py. Model imports stay inside fixtures.
"""

import io

import pytest

from tests.factories.search import DATABASE_SETTINGS, whoosh_settings


@pytest.fixture
def home(db):
    """The site's home page, as ``seed_demo`` makes it (without demo content)."""
    from ciao.demo.site import ensure_home_page

    home_page, _site = ensure_home_page()
    return home_page


@pytest.fixture
def make_user(db):
    """Create a user in one of the editorial groups (or a superuser with role=None)."""
    from tests.factories.ciao import make_user as create_user

    counter = {"n": 0}

    def _make(role=None, username=None):
        counter["n"] += 1
        username = username or f"{(role or 'admin').lower()}{counter['n']}"
        return create_user(username, role=role)

    return _make


@pytest.fixture
def now(monkeypatch):
    """The fixed "now", ``ROME_NOW`` in Rome: django.utils.timezone.now is patched, nothing else."""
    from events.recurrence import ROME
    from tests.factories.events import ROME_NOW

    moment = ROME_NOW.replace(tzinfo=ROME)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)
    return moment


@pytest.fixture
def tagged(home):
    """Two live practices: one tagged "tirocini", the other "tirocinio" and "tirocini"."""
    from ciao.demo import ensure_child
    from ciao.models import Ambito
    from practices.models import PracticeIndexPage, PracticePage

    index = ensure_child(home, PracticeIndexPage, title="Buone pratiche")[0]
    ambito = Ambito.objects.first()
    first = ensure_child(index, PracticePage, title="Tirocini in Comune", summary="-", ambito=ambito)[0]
    second = ensure_child(index, PracticePage, title="Stage in azienda", summary="-", ambito=ambito)[0]
    first.tags.add("tirocini")
    second.tags.add("tirocinio", "tirocini")
    for page in (first, second):
        page.save_revision().publish()
    return first, second


@pytest.fixture(autouse=True)
def fresh_search_index(request, tmp_path):
    """Every test starts from an empty Whoosh index of its own.

    Database rollbacks do not reach the index folder, so a shared index would keep
    pages of earlier tests.
    """
    from django.conf import settings as django_settings

    if "demo_site" in request.fixturenames:
        return  # the demo site's index is the module's
    backends = getattr(django_settings, "WAGTAILSEARCH_BACKENDS", None)
    if backends and backends["default"]["BACKEND"] == "search.backend":
        settings = request.getfixturevalue("settings")
        settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "search-index")


@pytest.fixture
def cache_turned_on(settings):
    """``cache_turned_on(setting, seconds, alias)``: one of the site's caches, off in the tests, on for
    this test only; its alias is emptied before and after, and returned."""
    from django.core.cache import caches

    aliases = []

    def turn_on(setting, seconds, alias):
        setattr(settings, setting, seconds)
        caches[alias].clear()
        aliases.append(alias)
        return caches[alias]

    yield turn_on
    for alias in aliases:
        caches[alias].clear()


@pytest.fixture(params=["whoosh", "database"])
def any_backend(request, settings, tmp_path):
    """Run the test once on our Whoosh backend and once on Wagtail's database backend."""
    if request.param == "whoosh":
        settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "search-index")
    else:
        settings.WAGTAILSEARCH_BACKENDS = DATABASE_SETTINGS
    return request.param


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """``seed_demo``'s site (with its search index), made once per test module.

    Seeding takes many seconds. The module's tests run inside one transaction,
    each in its own savepoint, and the whole is rolled back after the module.
    Tests that use it take ``db`` too.
    """
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    index = whoosh_settings(tmp_path_factory.mktemp("demo-index"))
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=index):
        with transaction.atomic():
            call_command("seed_demo", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)
