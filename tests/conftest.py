"""Fixtures shared by the whole suite.

Model imports stay inside fixtures: the search conformance run loads this file
under its own settings, where the site's apps are not installed.
"""

import io

import pytest


@pytest.fixture
def home(db):
    """The site's home page, as ``seed_demo`` makes it (without demo content)."""
    from ciao.demo.site import ensure_home_page

    home_page, _site = ensure_home_page()
    return home_page


@pytest.fixture
def make_user(db):
    """Create a user in one of the editorial groups (or a superuser with role=None)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    counter = {"n": 0}

    def _make(role=None, username=None):
        counter["n"] += 1
        username = username or f"{(role or 'admin').lower()}{counter['n']}"
        user = get_user_model().objects.create_user(
            username=username,
            password="password-di-prova",
            email=f"{username}@example.org",
            is_staff=role is None,
            is_superuser=role is None,
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return _make


def whoosh_backend_settings(path):
    return {"default": {"BACKEND": "search.backend", "PATH": str(path), "LANGUAGE": "it", "REBUILD_WORKERS": 0}}


DATABASE_BACKEND_SETTINGS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


@pytest.fixture(autouse=True)
def fresh_search_index(request, tmp_path):
    """Every test starts from an empty Whoosh index of its own.

    Database rollbacks do not reach the index folder, so a shared index would keep
    pages of earlier tests.
    """
    from django.conf import settings as django_settings

    if "demo_site" in request.fixturenames:
        return  # the demo site's index is the module's
    backends = getattr(django_settings, "WAGTAILSEARCH_BACKENDS", None)  # absent in the conformance run
    if backends and backends["default"]["BACKEND"] == "search.backend":
        settings = request.getfixturevalue("settings")
        settings.WAGTAILSEARCH_BACKENDS = whoosh_backend_settings(tmp_path / "search-index")


@pytest.fixture(params=["whoosh", "database"])
def any_backend(request, settings, tmp_path):
    """Run the test once on our Whoosh backend and once on Wagtail's database backend."""
    if request.param == "whoosh":
        settings.WAGTAILSEARCH_BACKENDS = whoosh_backend_settings(tmp_path / "search-index")
    else:
        settings.WAGTAILSEARCH_BACKENDS = DATABASE_BACKEND_SETTINGS
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

    index = whoosh_backend_settings(tmp_path_factory.mktemp("demo-index"))
    with django_db_blocker.unblock(), override_settings(WAGTAILSEARCH_BACKENDS=index):
        with transaction.atomic():
            call_command("seed_demo", stdout=io.StringIO())
            yield
            transaction.set_rollback(True)
