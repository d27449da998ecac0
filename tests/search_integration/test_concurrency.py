"""Several processes writing, one searching, a rebuild in the middle: nothing
is lost, nothing errors, no search sees an empty or half-built index.

The processes share an SQLite file and an index folder in a temporary
directory (the test database of the other tests lives in memory, which
other processes cannot see).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

# The processes share an SQLite file of their own whatever the suite's
# database, so the run on PostgreSQL would only repeat the SQLite run.
pytestmark = pytest.mark.skipif(
    "sqlite" not in settings.DATABASES["default"]["ENGINE"],
    reason="runs on its own SQLite file: covered by the run on SQLite",
)

REPO = Path(__file__).resolve().parents[2]
WORD = "zebrato"


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    data = tmp_path_factory.mktemp("concurrency")
    env = {
        **os.environ,
        "CIAO_DATA_DIR": str(data),
        "DJANGO_SETTINGS_MODULE": "tests.search_integration.concurrency_settings",
    }
    return data, env


def start(env, *args):
    return subprocess.Popen(
        [sys.executable, "-m", "tests.search_integration.concurrency", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def result(process, timeout=300):
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def published(environment):
    """3 processes publish 50 pages each while a fourth searches."""
    data, env = environment
    parents = result(start(env, "setup", "3"))["parents"]
    stop = data / "stop-searching"
    searcher = start(env, "search", WORD, str(stop))
    publishers = [start(env, "publish", str(parent), "50", WORD) for parent in parents]
    publishing = [result(p, timeout=600) for p in publishers]
    stop.touch()
    return publishing, result(searcher)


def test_every_page_published_concurrently_is_found(environment, published):
    _data, env = environment
    publishing, _searching = published
    assert [p["published"] for p in publishing] == [50, 50, 50]

    final = result(start(env, "check", WORD))

    assert final["found"] == 150
    assert final["consistent"], final["report"]


def test_searches_during_publishing_never_fail(published):
    _publishing, searching = published

    assert searching["errors"] == []
    assert len(searching["totals"]) > 10
    # Pages only ever appear: a later search never finds fewer.
    assert searching["totals"] == sorted(searching["totals"])


def test_a_rebuild_during_searches_never_errors_or_empties_results(environment, published):
    data, env = environment
    stop = data / "stop-searching-rebuild"
    searcher = start(env, "search", WORD, str(stop))
    rebuilds = [result(start(env, "rebuild")) for _ in range(2)]
    stop.touch()
    searching = result(searcher)

    assert all(r["rebuilt"] for r in rebuilds)
    assert searching["errors"] == []
    assert searching["totals"] and min(searching["totals"]) == 150
    assert min(searching["shown"]) == 10
    final = result(start(env, "check", WORD))
    assert final["found"] == 150 and final["consistent"], final["report"]
