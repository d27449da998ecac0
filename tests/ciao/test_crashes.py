"""kill -9 in the middle of index writes: after a restart the site serves, the search
index matches the database (``search_check``, or after ``--repair``) and nothing
published is lost.

- (a) a gunicorn worker is killed while it writes the search index for a request
  (a proposal sent through the form: its draft is indexed in the request),
  holding the index's write lock;
- (b) the whole server (its process group: gunicorn's master, its workers and an
  ``update_index`` started beside them, with its forked writers) is killed while
  the rebuild has written its new index and not yet swapped it in.

The kill lands at a known moment: ``SEARCH_TEST_PAUSE_FILE`` (``search/engine/
crash_points.py``, read only by these tests) makes the write wait there while a
file exists; the test sees the write lock held (``/proc/locks``) or the rebuild's
new index written, and kills. On SQLite a fresh file; with ``DATABASE_URL`` (the
suite on PostgreSQL) a fresh database on the same server, dropped afterwards.
"""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.ciao.test_concurrent_writes import (
    ROOT,
    PostgresDatabase,
    environment,
    free_port,
    manage,
    proposal,
    request,
    start_gunicorn,
    stop,
    tail,
    wait_until_serving,
)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc/locks").exists(), reason="Linux's /proc/locks")]

PUBLISHED = 4
# Four workers booting on a busy shared machine can take more than a minute to answer.
SERVING_WAIT = 240

# The event index and a few published events (made as the form makes them, then published).
SEED = """
import json
from datetime import timedelta
from django.utils import timezone
from ciao.demo import ensure_child
from ciao.demo.site import ensure_home_page
from ciao.models import Comune
from events.models import EventIndexPage
from events.proposals import create_proposal
home, _site = ensure_home_page()
index = ensure_child(home, EventIndexPage, title="Eventi", slug="eventi")[0]
start = timezone.now() + timedelta(days=30)
published = []
for title in %r:
    data = {
        "title": title, "description_html": "<p>Un evento.</p>",
        "start": start, "end": start + timedelta(hours=2), "comune": Comune.objects.get(slug="opera"),
        "venue": "Parco comunale", "is_free": True, "organiser_name": "Associazione di quartiere",
        "name": "Giulia Esempio", "email": "giulia@example.org",
    }
    page = create_proposal(index, data, timezone.now())[0]
    page.get_latest_revision().publish()
    page.refresh_from_db()
    published.append({"title": page.title, "url": page.url})
print(json.dumps({"form": index.url + "proponi/", "published": published}))
"""


LIVE = """
import json
from events.models import EventPage
print(json.dumps(list(EventPage.objects.live().values_list("title", flat=True))))
"""


def seed(env, titles):
    return json.loads(manage(env, "shell", "-c", SEED % (titles,)))


def search_check(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", "search_check", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.returncode, result.stdout + result.stderr


def assert_index_matches_the_database(site):
    """search_check clean, at once or after --repair (which must then leave it clean)."""
    status, output = search_check(site.env)
    if status != 0:
        repaired, repair_output = search_check(site.env, "--repair")
        assert repaired == 0, repair_output
        status, output = search_check(site.env)
    assert status == 0 and "matches the database" in output, output


def assert_all_published_pages_live_and_found(site):
    live = set(json.loads(manage(site.env, "shell", "-c", LIVE)))
    for page in site.published:
        assert page["title"] in live, f"{page['title']} is no longer live"
        status, _headers, html = request(site.port, "GET", "/cerca/?" + urllib.parse.urlencode({"q": page["title"]}))
        assert status == 200 and f'href="{page["url"]}"' in html, f"/cerca/ does not find {page['title']}"


def index_folder(site):
    return site.data / "search-index" / "wagtailcore_page"


def lock_holder(path):
    """The pid holding a flock on ``path`` (from /proc/locks), or None."""
    inode = os.stat(path).st_ino
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        # "1: FLOCK  ADVISORY  WRITE 12345 08:01:1234567 0 EOF"
        if len(fields) >= 6 and fields[1] == "FLOCK" and int(fields[5].rsplit(":", 1)[1]) == inode:
            return int(fields[4])
    return None


def children(pid):
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(child) for child in (task / "children").read_text().split())
    return found


def wait_for(condition, seconds, what, site):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"{what} not seen in {seconds} s:\n{tail(site.log)}")


def send_proposal(site, title):
    """Send the proposal form once; (status, body) or (None, error)."""
    status, headers, html = request(site.port, "GET", site.form)
    assert status == 200, html[:500]
    cookie = next(v.split(";")[0] for k, v in headers if k.lower() == "set-cookie" and v.startswith("csrftoken="))
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    try:
        status, _headers, body = request(
            site.port,
            "POST",
            site.form,
            proposal(title, token),
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        )
        return status, body
    except OSError as error:
        return None, repr(error)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("crashes")
    port = free_port()
    suite_url = os.environ.get("DATABASE_URL", "")
    database = PostgresDatabase(suite_url) if suite_url.startswith(("postgres", "postgresql")) else None
    if database:
        database.create()
    state = SimpleNamespace(server=None)
    try:
        env = environment(data, port, database.url if database else None)
        env["SEARCH_TEST_PAUSE_FILE"] = str(data / "pause")
        manage(env, "migrate", "--no-input")
        seeded = seed(env, [f"Evento pubblicato prima del crash {n}" for n in range(PUBLISHED)])
        manage(env, "update_index")
        log = data / "gunicorn.log"
        state.server = start_gunicorn(env, port, log)
        wait_until_serving(port, seeded["form"], state.server, log, SERVING_WAIT)
        state.__dict__.update(
            env=env,
            port=port,
            log=log,
            data=data,
            form=seeded["form"],
            published=seeded["published"],
            pause=data / "pause",
        )
        yield state
    finally:
        if state.server is not None:
            stop(state.server)
        if database:
            database.drop()


def test_a_worker_killed_inside_an_index_write_loses_nothing(site):
    site.pause.touch()
    answer = {}
    sender = threading.Thread(target=lambda: answer.update(r=send_proposal(site, "Proposta interrotta")))
    sender.start()
    lock = index_folder(site) / "write.lock"
    worker = wait_for(lambda: lock.exists() and lock_holder(lock), 60, "a worker holding the index's write lock", site)
    assert worker in children(site.server.pid)

    os.kill(worker, signal.SIGKILL)
    site.pause.unlink()
    sender.join(timeout=60)

    assert answer["r"][0] != 302  # that request died with its worker
    wait_until_serving(site.port, "/", site.server, site.log, SERVING_WAIT)
    # The lock died with the worker: the index takes the next write at once.
    status, body = send_proposal(site, "Proposta dopo il crash")
    assert status == 302, body[:500]
    assert_index_matches_the_database(site)
    assert_all_published_pages_live_and_found(site)


def test_b_whole_server_killed_during_a_rebuild_loses_nothing(site):
    site.pause.touch()
    with (site.data / "update_index.log").open("ab") as output:
        # A process group of its own (another session's group cannot be joined): both groups die at once.
        rebuild = subprocess.Popen(
            [sys.executable, "manage.py", "update_index"],
            cwd=ROOT,
            env=site.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    waiting = Path(f"{site.pause}.waiting")
    waiting.unlink(missing_ok=True)
    # The rebuild has written a new index and waits to swap it in (search/engine/crash_points.py).
    wait_for(
        lambda: waiting.exists() and waiting.read_text() == str(rebuild.pid), 120, "the rebuild ready to swap", site
    )
    os.killpg(site.server.pid, signal.SIGKILL)
    os.killpg(rebuild.pid, signal.SIGKILL)
    rebuild.wait(timeout=30)
    site.server.wait(timeout=30)
    site.pause.unlink()

    site.server = start_gunicorn(site.env, site.port, site.log)
    wait_until_serving(site.port, site.form, site.server, site.log, SERVING_WAIT)
    assert_index_matches_the_database(site)
    # Writes after the crash: a publish (not recorded for the dead rebuild) and a proposal.
    site.published += seed(site.env, ["Evento pubblicato dopo il crash"])["published"]
    status, body = send_proposal(site, "Proposta dopo il secondo crash")
    assert status == 302, body[:500]
    # The next rebuild is not blocked by the dead one, and clears what it left.
    manage(site.env, "update_index")
    generations = [p.name for p in index_folder(site).iterdir() if p.is_dir() and p.name.startswith("g-")]
    assert len(generations) <= 2, generations
    assert not (index_folder(site) / "BUILDING").exists()
    assert_index_matches_the_database(site)
    assert_all_published_pages_live_and_found(site)
