"""What the page cache saves: server time of three pages of the demo site, made each time vs kept.

Through Django's test client on the seeded demo site (SQLite): the home page,
the practices listing and one practice page, each requested ``REPEATS`` times
in rounds over the three (so a busy moment of a shared machine falls on all of
them alike), with the page cache off ("cold": every request renders) and on
(every request after the first is served from the cache). It prints medians
and SQL queries and writes ``test-artifacts/page-cache.json``; nothing is
asserted. ``pytest tests/bench/test_page_cache_speed.py -m bench -s -o addopts=""``.
"""

import json
import statistics
import time
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

REPEATS = 30
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _urls():
    from practices.models import PracticeIndexPage, PracticePage

    index = PracticeIndexPage.objects.live().first()
    practice = PracticePage.objects.live().public().order_by("pk").first()
    return {"home page": "/", "practices listing": index.url, "practice page": practice.url}


def _timings(client, urls):
    times = {name: [] for name in urls}
    for _round in range(REPEATS):
        for name, url in urls.items():
            started = time.perf_counter()
            response = client.get(url)
            times[name].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
    return {name: statistics.median(values) for name, values in times.items()}


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def test_page_cache_speed(demo_site, db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    urls = _urls()
    client = Client()
    for url in urls.values():
        client.get(url)  # warm-up: templates, renditions, the search index

    settings.PAGE_CACHE_SECONDS = 0
    cold = _timings(client, urls)
    cold_queries = {name: _queries(client, url) for name, url in urls.items()}

    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    for url in urls.values():
        assert client.get(url)["X-Cache"] == "miss"
    cached = _timings(client, urls)
    cached_queries = {name: _queries(client, url) for name, url in urls.items()}
    caches["pages"].clear()

    results = {
        name: {
            "url": url,
            "cold_median_ms": round(cold[name], 2),
            "cached_median_ms": round(cached[name], 2),
            "speed_up": round(cold[name] / cached[name], 1),
            "cold_queries": cold_queries[name],
            "cached_queries": cached_queries[name],
        }
        for name, url in urls.items()
    }
    print(f"\nPage cache, demo site on SQLite, median of {REPEATS} requests (Django test client):")
    for name, row in results.items():
        print(
            f"  {name:20} cold {row['cold_median_ms']:8.2f} ms ({row['cold_queries']} queries)"
            f"   cached {row['cached_median_ms']:6.2f} ms ({row['cached_queries']} queries)   ×{row['speed_up']}"
        )
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-cache.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
