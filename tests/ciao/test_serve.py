"""`make serve`: the site in production mode under gunicorn, from an empty data folder.

What a partner organisation running it on one machine gets: the database migrated,
static files hashed and compressed, the search index checked, gunicorn's workers
with a JSON log line per request, and the production settings' headers.
"""

import json
import os
import re
import subprocess
import sys
import time
from http.client import HTTPConnection

import pytest

from tests.ciao.test_concurrent_writes import ROOT, free_port, stop, tail, wait_until_serving

pytestmark = pytest.mark.slow


def get(port, path, headers=None):
    conn = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    data = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        # The embedded default (SQLite under the data folder), never the suite's own database.
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL")
    }
    env.update(
        CIAO_DATA_DIR=str(data),
        PORT=str(port),
        SECRET_KEY="una-chiave-di-prova-lunga-abbastanza-per-la-produzione-0123456789",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",  # no TLS proxy in front of it here
        WEB_CONCURRENCY="2",
        GUNICORN_ARGS="--no-control-socket",
    )
    log = data / "serve.log"
    with log.open("ab") as output:
        process = subprocess.Popen(
            ["make", "serve"], cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"make serve stopped:\n{tail(log)}")
            try:
                if get(port, "/admin/login/")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        else:
            pytest.fail(f"make serve did not answer in 240 s:\n{tail(log)}")
        yield port, log, env
    finally:
        stop(process)


def test_make_serve_runs_the_production_settings_under_gunicorn(served):
    port, log, _env = served
    status, headers, body = get(port, "/admin/login/")
    assert status == 200
    # Production's settings: cookies only over HTTPS, the referrer kept on the site, the CSP.
    assert "Secure" in headers["Set-Cookie"]
    assert headers["Referrer-Policy"] == "same-origin"
    assert "Content-Security-Policy" in headers
    text = log.read_text(errors="replace")
    assert "Booting worker" in text and text.count("Booting worker") >= 2
    # One JSON line per request, with its time in milliseconds (ciao/request_log.py).
    requests = [json.loads(line) for line in text.splitlines() if '"logger": "ciao.requests"' in line]
    assert any(r["path"] == "/admin/login/" and r["status"] == 200 and r["duration_ms"] > 0 for r in requests)


def test_make_serve_logs_no_query_string(served):
    port, log, _env = served
    status, headers, _body = get(port, "/salute/?email=persona@example.org", {"X-Request-ID": "sonda-42"})
    assert status == 200 and headers["X-Request-ID"] == "sonda-42"
    time.sleep(0.5)  # the worker's line reaches the file
    text = log.read_text(errors="replace")
    assert '"request_id": "sonda-42"' in text
    assert "persona@example.org" not in text


def test_make_serve_serves_hashed_compressed_static_files_for_a_year(served):
    port, _log, _env = served
    _status, _headers, body = get(port, "/admin/login/")
    stylesheet = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "no hashed stylesheet on the login page"
    status, headers, compressed = get(port, stylesheet.group(1).decode(), {"Accept-Encoding": "gzip, br"})
    assert status == 200
    assert headers.get("Content-Encoding") in ("gzip", "br")
    assert "max-age=315360000" in headers["Cache-Control"] or "immutable" in headers["Cache-Control"]
    plain = get(port, stylesheet.group(1).decode())[2]
    assert len(compressed) < len(plain)


def production_manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**env, "DJANGO_ENV": "production"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]


def answers_from_cache(server, tries=20):
    return any(get(server, "/")[1]["X-Cache"] == "hit" for _ in range(tries))


def test_a_publish_in_another_process_reaches_the_page_cache_of_every_server(served, tmp_path):
    """Two gunicorn servers on one data folder, each with its own in-memory page cache.

    A publish made by a third process (as the admin's worker, or a cron job, would)
    must reach both: neither may answer with the page it kept from before.
    """
    port, _log, env = served
    production_manage(env, "shell", "-c", "from ciao.demo.site import ensure_home_page; ensure_home_page()")
    other_port = free_port()
    other_log = tmp_path / "other.log"
    with other_log.open("ab") as output:
        other = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "ciao.wsgi", "--config", "ciao/gunicorn_conf.py", "--no-control-socket"],
            cwd=ROOT,
            env={**env, "DJANGO_ENV": "production", "PORT": str(other_port), "WEB_CONCURRENCY": "1"},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_serving(other_port, "/", other, other_log)
        servers = (port, other_port)
        # Each server (and each of the first one's two workers, most likely) keeps the home page.
        # Which worker takes a request is the kernel's choice: one may get none of the first few,
        # so each server is asked until it answers from its cache.
        for _ in range(8):
            for server in servers:
                status, headers, body = get(server, "/")
                assert status == 200
        assert [answers_from_cache(server) for server in servers] == [True, True]
        production_manage(
            env,
            "shell",
            "-c",
            "from ciao.models import HomePage; home = HomePage.objects.get(); "
            "home.hero_title = 'Cambiato da un altro processo'; home.save_revision().publish()",
        )
        for _ in range(4):
            for server in servers:
                status, headers, body = get(server, "/")
                assert "Cambiato da un altro processo" in body.decode(), (server, headers.get("X-Cache"))
    finally:
        stop(other)
