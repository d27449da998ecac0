"""Browser tests: Debian's Chromium driven by Playwright against a live server.

The server runs the production static setup (hashed, pre-compressed files served
by WhiteNoise), so what the browser downloads is what a visitor downloads.
Without /usr/bin/chromium the tests are skipped, unless CIAO_REQUIRE_BROWSER=1
(as in CI), where a missing browser is an error.

They run in their own pytest process (`pytest -m browser tests/browser`, as
`make test` does). Playwright's sync API makes the test thread look async,
so Django keeps its database connections per context from then on: those
opened before Playwright starts are not the ones seen after. Hence Chromium
starts first, then the database is made and seeded once for the whole run.

This file holds the fixtures; the helpers tests call in a page (``log_in``,
``axe_violations``, ``screenshot``...) are in helpers.py.
"""

import os
import threading
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest

from .helpers import watch_console

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The day the demo content is seeded for (a Thursday, 10:00 in Rome).
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/Rome"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CIAO_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser tests skipped")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in the test thread, which
    # Django would take for async code; the database calls here are plain sync code.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """Run collectstatic once, with hashing and compression as in production."""
    from django.core.management import call_command
    from django.test import override_settings

    static_root = tmp_path_factory.mktemp("static")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=static_root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    return {"STATIC_ROOT": static_root, "STORAGES": storages}


@pytest.fixture(scope="session")
def live_site(chromium, collected_static, django_db_blocker, tmp_path_factory):
    """The demo site served by a live server for the whole run; yields its base URL.

    Seeding takes most of a minute, so it happens once: the tests only read, or
    add drafts that no other test looks for. "Now" stays frozen at ``NOW`` for
    the run, so the demo calendar and "this week" are the same whatever day
    CI runs. Chromium starts first: database connections opened before
    Playwright would not be the ones the tests see (see the module doc). The
    test database is made here, not by pytest-django's ``django_db_setup``,
    which only makes one when tests carry a ``django_db`` mark; that mark
    would wrap each test in a transaction the server thread cannot see.

    On SQLite the database is a file, as in production, not Django's shared
    in-memory one: the admin's editor autosaves while the person clicks
    «Invia», and two requests on one shared connection break each other's
    savepoints ("no such savepoint"). With a file each request thread has its
    own connection, and WAL with immediate transactions orders the writes.
    """
    from django.core.management import call_command
    from django.db import connections
    from django.test import override_settings
    from django.test.testcases import LiveServerThread
    from django.test.utils import setup_databases, teardown_databases

    default = connections["default"]
    if default.vendor == "sqlite":
        default.settings_dict["TEST"]["NAME"] = str(tmp_path_factory.mktemp("database") / "browser.sqlite3")
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        databases = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        patch.setattr("django.utils.timezone.now", lambda: NOW)
        call_command("seed_demo", stdout=StringIO())
        with override_settings(DEBUG=False, ALLOWED_HOSTS=["*"], **collected_static):
            # Static files go through WhiteNoise, as in production, not Django's test handler.
            thread = LiveServerThread("127.0.0.1", static_handler=lambda handler: handler)
            thread.daemon = True
            thread.start()
            thread.is_ready.wait()
            if thread.error:
                raise thread.error
            try:
                yield f"http://127.0.0.1:{thread.port}"
            finally:
                thread.terminate()
                # Requests still in flight (a closed tab's last fetch) run in daemon
                # threads that terminate() does not wait for; the database file
                # is removed once they are done with it.
                for request_thread in threading.enumerate():
                    if "process_request_thread" in request_thread.name:
                        request_thread.join(timeout=10)
                default.close()
                teardown_databases(databases, verbosity=0)


@pytest.fixture(autouse=True)
def fresh_search_index():
    """The demo site's index is built once, in the test process's data folder."""


@pytest.fixture
def page(chromium):
    """A desktop tab; the test fails if the console logged an error or a CSP violation."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT")
    browser_page = watch_console(context.new_page())
    yield browser_page
    errors = list(browser_page.console_errors)
    context.close()
    assert errors == [], f"console errors: {errors}"
