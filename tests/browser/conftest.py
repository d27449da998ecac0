"""Browser tests: Debian's Chromium driven by Playwright against a live server.

The server runs the production static setup (hashed, pre-compressed files served
by WhiteNoise), so what the browser downloads is what a visitor downloads.
Without /usr/bin/chromium the tests are skipped, unless CIAO_REQUIRE_BROWSER=1
(as in CI), where a missing browser is an error.

They run in their own pytest process (`pytest -m browser tests/browser`, as
`make test` does). Playwright's sync API runs the test in a greenlet with its
own context, so Django database connections opened before Playwright starts
are not the ones seen after: the test database would lose its serialized
snapshot and be left empty after the first flush.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"


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


@pytest.fixture
def live_site(chromium, collected_static, transactional_db):
    """Demo content served by a live server; yields its base URL.

    Session fixtures come first: set up after the test database fixture, they
    would outlive it and the database would lose its serialized snapshot.
    """
    from django.core.management import call_command
    from django.db import connections
    from django.test import override_settings
    from django.test.testcases import LiveServerThread

    call_command("seed_demo", stdout=open(os.devnull, "w"))
    with override_settings(DEBUG=False, ALLOWED_HOSTS=["*"], **collected_static):
        overrides = {
            conn.alias: conn
            for conn in connections.all()
            if conn.vendor == "sqlite" and conn.is_in_memory_db()
        }
        # Static files go through WhiteNoise, as in production, not Django's test handler.
        thread = LiveServerThread("127.0.0.1", static_handler=lambda handler: handler,
                                  connections_override=overrides)
        thread.daemon = True
        for conn in overrides.values():
            conn.inc_thread_sharing()
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        try:
            yield f"http://127.0.0.1:{thread.port}"
        finally:
            thread.terminate()
            for conn in overrides.values():
                conn.dec_thread_sharing()


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT")
    browser_page = context.new_page()
    errors = []
    browser_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    browser_page.console_errors = errors
    yield browser_page
    context.close()


def axe_violations(browser_page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
    """Run axe-core in the page (injected through DevTools, so the CSP stays on)."""
    browser_page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = browser_page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags)
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def screenshot(browser_page, name, **kwargs):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    browser_page.screenshot(path=str(path), full_page=True, **kwargs)
    return path
