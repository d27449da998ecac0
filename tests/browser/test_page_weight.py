"""A phone's first visit in production mode stays within 200 KB (issue 17).

`make serve` runs from a data folder seeded with the demo content, exactly as a
partner runs it (DJANGO_ENV=production, hashed static files pre-compressed by
collectstatic and served by WhiteNoise, gunicorn). Debian's Chromium, emulating a
phone (390×844, mobile user agent, touch) with an empty cache, opens the home
page, an event and a search with results, each in a fresh context. Every byte the
page loads counts: what Chromium's network layer reports as received for each
resource (`Network.loadingFinished`'s encodedDataLength: headers and body as they
came over the wire, compressed where the server compressed them). Nothing is
scrolled: a first visit is what loads without touching the screen.

The budget is 200,000 bytes, so the page stays within 200 KB whichever kilobyte is
meant. The table of each page's biggest resources is printed and kept in
test-artifacts/page-weight.txt, with a phone screenshot of each page.
"""

import os
import re
import subprocess
import time
from http.client import HTTPConnection

import pytest

from tests.ciao.test_concurrent_writes import ROOT, free_port, stop, tail

from .helpers import ARTIFACTS, screenshot, watch_console

pytestmark = pytest.mark.slow

BUDGET = 200_000
SEARCH_WORD = "tirocini"
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Mobile Safari/537.36"
    ),
    "locale": "it-IT",
}
# Text files that WhiteNoise has pre-compressed: served plain, they would cost three to eight times as much.
COMPRESSIBLE = re.compile(r"\.(css|js|svg)$")
# An event's own address, not the listing's other views.
EVENT_LINK = re.compile(r'href="(/eventi/(?!archivio/|mese/|proponi/|feed/)[a-z0-9-]+/)"')


def get(port, path):
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    finally:
        conn.close()


@pytest.fixture(scope="module")
def production_site(tmp_path_factory):
    """`make serve` on a data folder holding the demo content; yields its port."""
    data = tmp_path_factory.mktemp("page-weight")
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        # The embedded default (SQLite under the data folder), never the suite's own database.
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_ENV="production",
        CIAO_DATA_DIR=str(data),
        PORT=str(port),
        SECRET_KEY="una-chiave-di-prova-lunga-abbastanza-per-la-produzione-0123456789",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",  # no TLS proxy in front of it here
        WEB_CONCURRENCY="2",
        GUNICORN_ARGS="--no-control-socket",
    )
    log = data / "serve.log"
    (ARTIFACTS / "page-weight.txt").unlink(missing_ok=True)
    python = str(ROOT / ".venv" / "bin" / "python")
    with log.open("ab") as output:
        # The demo content first; `make serve` then migrates (nothing left to do) and its
        # `search_check --repair` indexes the pages, as after a restore.
        for command in (["migrate", "--no-input"], ["seed_demo", "--skip-index"]):
            done = subprocess.run(
                [python, "manage.py", *command], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )
            if done.returncode:
                pytest.fail(f"manage.py {command[0]} failed:\n{tail(log)}")
        process = subprocess.Popen(
            ["make", "serve"], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        # collectstatic compresses some 1,800 files (Wagtail's admin included) before gunicorn starts.
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"make serve stopped:\n{tail(log)}")
            try:
                if get(port, "/")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail(f"make serve did not answer in 600 s:\n{tail(log)}")
        yield port
    finally:
        stop(process)


def first_visit_on_a_phone(chromium, url):
    """Open url in a fresh phone context; returns the context (still open), its page and what it loaded."""
    context = chromium.new_context(**PHONE)
    browser_page = watch_console(context.new_page())
    network = context.new_cdp_session(browser_page)
    resources, failures = {}, []

    def received(event):
        headers = {name.lower(): value for name, value in event["response"]["headers"].items()}
        resources.setdefault(event["requestId"], {}).update(
            url=event["response"]["url"],
            kind=event["type"],
            status=event["response"]["status"],
            encoding=headers.get("content-encoding", ""),
        )

    network.on("Network.responseReceived", received)
    network.on(
        "Network.loadingFinished",
        lambda event: resources.setdefault(event["requestId"], {}).update(bytes=event["encodedDataLength"]),
    )
    network.on("Network.loadingFailed", lambda event: failures.append(event.get("errorText")))
    network.send("Network.enable")
    browser_page.goto(url, wait_until="networkidle")
    # The favicon is asked for after the load event; networkidle may come before it ends.
    browser_page.wait_for_timeout(300)
    return context, browser_page, list(resources.values()), failures


def report(name, url, resources, total):
    lines = [f"{name} ({url}): {total:,} bytes = {total / 1024:.1f} KiB in {len(resources)} requests"]
    for resource in sorted(resources, key=lambda r: -r.get("bytes", 0))[:8]:
        path = re.sub(r"^https?://[^/]+", "", resource.get("url", "?"))
        lines.append(
            f"  {resource.get('bytes', 0):>8,}  {resource.get('kind', ''):<10} {resource.get('encoding') or '-':<4} {path}"
        )
    text = "\n".join(lines)
    print(text)
    ARTIFACTS.mkdir(exist_ok=True)
    with (ARTIFACTS / "page-weight.txt").open("a", encoding="utf-8") as table:
        table.write(text + "\n")
    return text


@pytest.mark.parametrize("name", ["home", "event", "search"])
def test_first_visit_on_a_phone_stays_within_200_kb(chromium, production_site, name):
    port = production_site
    if name == "home":
        path = "/"
    elif name == "event":
        status, listing = get(port, "/eventi/")
        assert status == 200 and EVENT_LINK.search(listing), "no event in the demo listing"
        path = EVENT_LINK.search(listing).group(1)
    else:
        path = f"/cerca/?q={SEARCH_WORD}"
    url = f"http://127.0.0.1:{port}{path}"

    context, browser_page, resources, failures = first_visit_on_a_phone(chromium, url)
    try:
        if name == "search":
            assert browser_page.locator(".search-results .search-result").count() > 0, "a search without results"
        assert browser_page.locator("h1").first.is_visible()
        screenshot(browser_page, f"page-weight-{name}-phone")
        errors = list(browser_page.console_errors)
    finally:
        context.close()

    total = sum(resource.get("bytes", 0) for resource in resources)
    table = report(name, path, resources, total)
    assert errors == [], f"console errors (CSP violations among them): {errors}"
    assert failures == [], f"requests that failed: {failures}"
    assert all(resource.get("status") == 200 for resource in resources), table
    kinds = {resource.get("kind") for resource in resources}
    assert {"Document", "Stylesheet", "Font"} <= kinds, table
    plain = [r["url"] for r in resources if COMPRESSIBLE.search(r.get("url", "")) and not r.get("encoding")]
    assert plain == [], f"static files served uncompressed: {plain}"
    assert total <= BUDGET, f"{name}: {total:,} bytes, over the {BUDGET:,} budget\n{table}"
