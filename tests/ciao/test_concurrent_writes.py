"""Several workers writing at once: no proposal lost, no error page, every publish done.

The security review sent 40 proposals at the same moment to gunicorn with two
workers on the embedded SQLite default: 33 got a 500 ("database is locked": a
transaction that began by reading could not become a writer) and were lost;
83 of 100 simultaneous publishes failed. Here gunicorn serves the site with
four workers, on the site's own database settings (``ciao/settings/base.py``),
from a data folder of its own (before WAL, the busy timeout and IMMEDIATE
transactions, 33 to 34 of the 40 proposals and 19 of the 30 publishes failed):

- 40 people send the proposal form at the same moment;
- then 6 processes of the redazione publish 30 of the drafts at the same
  moment, while 10 more people send the form.

Every answer must be the form's redirect (no 5xx, not even the 503 that asks to
try again), every proposal stored exactly once, every publish done.

On SQLite it uses a fresh file; with ``DATABASE_URL`` set (the suite on
PostgreSQL) a fresh database on the same server, dropped afterwards.
"""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from datetime import date, timedelta
from http.client import HTTPConnection
from pathlib import Path
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
WORKERS = 4
PROPOSALS = 40
PUBLISHERS, PUBLISHES_EACH = 6, 5
LATE_PROPOSALS = 10
SETTINGS = "tests.ciao.concurrent_writes_settings"

# The event index, and drafts for the redazione to publish (made as the form makes them).
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
drafts = []
for n in range(%d):
    data = {
        "title": f"Evento da pubblicare {n}", "description_html": "<p>Un evento.</p>",
        "start": start, "end": start + timedelta(hours=2), "comune": Comune.objects.get(slug="opera"),
        "venue": "Parco comunale", "is_free": True, "organiser_name": "Associazione di quartiere",
        "name": "Giulia Esempio", "email": "giulia@example.org",
    }
    drafts.append(create_proposal(index, data, timezone.now())[0].pk)
print(json.dumps({"url": index.url, "drafts": drafts}))
""" % (PUBLISHERS * PUBLISHES_EACH)  # noqa: UP031 - with str.format the script's own braces would need doubling

# One publisher: loads its drafts, waits for the start signal, publishes them.
PUBLISH = """
import json, os, time, traceback
from events.models import EventPage
pages = list(EventPage.objects.filter(pk__in=json.loads(os.environ["CIAO_TEST_PAGES"])))
open(os.environ["CIAO_TEST_READY"], "w").close()
while not os.path.exists(os.environ["CIAO_TEST_GO"]):
    time.sleep(0.005)
done, errors = [], []
for page in pages:
    try:
        page.get_latest_revision().publish()
        done.append(page.pk)
    except Exception:
        errors.append(traceback.format_exc(limit=4))
print(json.dumps({"done": done, "errors": errors}))
"""

STORED = """
import json
from events.models import EventPage, EventProposal
print(json.dumps({
    "pages": list(EventPage.objects.values_list("pk", "title", "live", "slug")),
    "proposals": list(EventProposal.objects.values_list("page__title", flat=True)),
}))
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(data, port, database_url):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update({"CIAO_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": SETTINGS, "PORT": str(port)})
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def manage(env, *args, timeout=300):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    return result.stdout.strip().splitlines()[-1]


class PostgresDatabase:
    """A fresh database beside the suite's (``DATABASE_URL``), dropped afterwards."""

    def __init__(self, url):
        import dj_database_url

        self.server = dj_database_url.parse(url)
        self.name = f"ciao_concurrency_{secrets.token_hex(4)}"
        parts = urllib.parse.urlsplit(url)
        self.url = urllib.parse.urlunsplit(parts._replace(path=f"/{self.name}"))

    def _run(self, sql):
        import psycopg

        s = self.server
        with psycopg.connect(
            dbname="postgres",
            user=s["USER"],
            password=s["PASSWORD"] or None,
            host=s["HOST"] or None,
            port=s["PORT"] or None,
            autocommit=True,
        ) as conn:
            conn.execute(sql)

    def create(self):
        self._run(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def start_gunicorn(env, port, log):
    # gunicorn's log and the site's (errors included) go to one file, shown when a test fails.
    with log.open("ab") as output:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "ciao.wsgi",
                "--workers",
                str(WORKERS),
                "--bind",
                f"127.0.0.1:{port}",
                "--timeout",
                "120",
                "--graceful-timeout",
                "5",
                # gunicorn 27 opens a control socket in ~/.gunicorn/, shared by every instance.
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def tail(log):
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


def request(port, method, path, body=None, headers=None, timeout=120):
    conn = HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def wait_until_serving(port, path, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped:\n{tail(log)}")
        try:
            if request(port, "GET", path, timeout=10)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not answer in {seconds} s:\n{tail(log)}")


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = tmp_path_factory.mktemp("concurrent-writes")
    port = free_port()
    suite_url = os.environ.get("DATABASE_URL", "")
    database = PostgresDatabase(suite_url) if suite_url.startswith(("postgres", "postgresql")) else None
    if database:
        database.create()
    server = None
    try:
        env = environment(data, port, database.url if database else None)
        manage(env, "migrate", "--no-input")
        seeded = json.loads(manage(env, "shell", "-c", SEED))
        index_url = seeded["url"]
        log = data / "gunicorn.log"
        server = start_gunicorn(env, port, log)
        form = f"{index_url}proponi/"
        wait_until_serving(port, form, server, log)
        yield SimpleNamespace(
            env=env,
            port=port,
            form=form,
            log=log,
            data=data,
            drafts=seeded["drafts"],
            vendor="postgresql" if database else "sqlite",
        )
    finally:
        if server is not None:
            stop(server)
        if database:
            database.drop()


def proposal(title, token):
    day = date.today() + timedelta(days=30)
    return urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "title": title,
            "description": "Un evento proposto insieme ad altri, nello stesso momento.",
            "start_date": day.isoformat(),
            "start_time": "16:00",
            "end_time": "18:00",
            "end_date": "",
            "comune": "opera",
            "venue": "Parco comunale",
            "address": "Via Roma 1",
            "online_url": "",
            "audience": ["famiglie", "giovani"],
            "is_free": "1",
            "cost": "",
            "organiser_name": "Associazione di quartiere",
            "message": "",
            "name": "Giulia Esempio",
            "email": "giulia@example.org",
            "phone": "",
            "privacy": "on",
            "sito_web": "",
        },
        doseq=True,
    )


def send_at_once(site, titles, start=None):
    """Send one proposal per title, all at the same moment; [(title, status, body)]."""
    status, headers, html = request(site.port, "GET", site.form)
    assert status == 200
    cookie = next(v.split(";")[0] for k, v in headers if k.lower() == "set-cookie" and v.startswith("csrftoken="))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    barrier = threading.Barrier(len(titles) + (1 if start else 0))
    answers = [(None, [], "no answer")] * len(titles)

    def send(n, title):
        body = proposal(title, token)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}
        barrier.wait()
        try:
            answers[n] = request(site.port, "POST", site.form, body, headers)
        except OSError as error:
            answers[n] = (None, [], repr(error))

    threads = [threading.Thread(target=send, args=item) for item in enumerate(titles)]
    for thread in threads:
        thread.start()
    if start:
        barrier.wait()
        start()
    for thread in threads:
        thread.join(timeout=150)
    return [(title, status, body) for title, (status, _headers, body) in zip(titles, answers, strict=True)]


def stored(site):
    return json.loads(manage(site.env, "shell", "-c", STORED))


def assert_every_proposal_answered_and_stored_once(site, answers, titles):
    failed = [(title, status, body[:300]) for title, status, body in answers if status != 302]
    assert not failed, (
        f"{len(failed)} of {len(answers)} simultaneous proposals failed on {site.vendor}: "
        f"{Counter(status for _t, status, _b in failed)}\n{failed[:3]}\n{tail(site.log)}"
    )
    database = stored(site)
    pages = Counter(title for _pk, title, _live, _slug in database["pages"])
    proposals = Counter(database["proposals"])
    for title, sent in Counter(titles).items():
        assert (pages[title], proposals[title]) == (sent, sent), title
    slugs = Counter(slug for _pk, _title, _live, slug in database["pages"])
    assert max(slugs.values()) == 1, [slug for slug, n in slugs.items() if n > 1]


def test_the_embedded_database_is_in_wal_mode_with_a_busy_timeout(site):
    if site.vendor != "sqlite":
        pytest.skip("SQLite's options")
    import sqlite3

    with sqlite3.connect(site.data / "db.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # kept in the file
    from django.conf import settings  # the suite's settings are the site's, on the same database

    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] == 20


def test_simultaneous_proposals_are_all_stored_once(site):
    # A quarter of them for the same event: each still a draft of its own, at an address of its own.
    titles = [f"Proposta simultanea {n}" for n in range(PROPOSALS - PROPOSALS // 4)]
    titles += ["Festa di quartiere"] * (PROPOSALS // 4)

    answers = send_at_once(site, titles)

    assert_every_proposal_answered_and_stored_once(site, answers, titles)


def test_simultaneous_publishes_all_succeed_while_people_keep_proposing(site):
    go = site.data / "go"
    publishers = []
    for n in range(PUBLISHERS):
        env = {
            **site.env,
            "CIAO_TEST_PAGES": json.dumps(site.drafts[n * PUBLISHES_EACH : (n + 1) * PUBLISHES_EACH]),
            "CIAO_TEST_READY": str(site.data / f"ready-{n}"),
            "CIAO_TEST_GO": str(go),
        }
        publishers.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "shell", "-c", PUBLISH],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    # The publishers start Django, say they are ready and wait for "go"; the late proposals leave with it.
    deadline = time.monotonic() + 90
    while not all((site.data / f"ready-{n}").exists() for n in range(PUBLISHERS)):
        assert time.monotonic() < deadline and all(p.poll() is None for p in publishers), [
            p.communicate()[1][-2000:] for p in publishers if p.poll() is not None
        ]
        time.sleep(0.05)
    late = [f"Proposta tardiva {n}" for n in range(LATE_PROPOSALS)]

    answers = send_at_once(site, late, start=go.touch)

    results = []
    for process in publishers:
        out, err = process.communicate(timeout=150)
        assert process.returncode == 0, err[-3000:]
        results.append(json.loads(out.strip().splitlines()[-1]))
    errors = [e for r in results for e in r["errors"]]
    assert not errors, (
        f"{len(errors)} of {len(site.drafts)} simultaneous publishes failed on {site.vendor}:\n{errors[0]}"
    )
    assert sorted(pk for r in results for pk in r["done"]) == sorted(site.drafts)
    live = {pk for pk, _title, is_live, _slug in stored(site)["pages"] if is_live}
    assert live == set(site.drafts)
    assert_every_proposal_answered_and_stored_once(site, answers, late)
