"""`make serve`: the site in production mode under gunicorn, from an empty data folder.

What a partner organisation running it on one machine gets: the database migrated,
static files hashed and compressed, the search index checked, gunicorn's workers
with a JSON log line per request, and the production settings' headers.
"""

import json
import os
import re
import subprocess
import time
from http.client import HTTPConnection

import pytest

from tests.ciao.test_concurrent_writes import ROOT, free_port, stop, tail

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
        yield port, log
    finally:
        stop(process)


def test_make_serve_runs_the_production_settings_under_gunicorn(served):
    port, log = served
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
    port, log = served
    status, headers, _body = get(port, "/salute/?email=persona@example.org", {"X-Request-ID": "sonda-42"})
    assert status == 200 and headers["X-Request-ID"] == "sonda-42"
    time.sleep(0.5)  # the worker's line reaches the file
    text = log.read_text(errors="replace")
    assert '"request_id": "sonda-42"' in text
    assert "persona@example.org" not in text


def test_make_serve_serves_hashed_compressed_static_files_for_a_year(served):
    port, _log = served
    _status, _headers, body = get(port, "/admin/login/")
    stylesheet = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "no hashed stylesheet on the login page"
    status, headers, compressed = get(port, stylesheet.group(1).decode(), {"Accept-Encoding": "gzip, br"})
    assert status == 200
    assert headers.get("Content-Encoding") in ("gzip", "br")
    assert "max-age=315360000" in headers["Cache-Control"] or "immutable" in headers["Cache-Control"]
    plain = get(port, stylesheet.group(1).decode())[2]
    assert len(compressed) < len(plain)
