"""Relevance benchmark: how well /cerca/ answers the judged queries of ``relevance_judgments``.

On the demo site (``seed_demo``), every query goes through /cerca/ as a visitor's
search (Django test client), once on the site's search backend as seeded (our
Whoosh backend) and once on Wagtail's database backend indexing the same pages.
For each, the mean nDCG@10 and recall@10, overall and by query group; then the
ten queries the site search answers worst, with what it returned beside the
pages judged best, so that a developer sees what to fix.

It is a measurement: no threshold is asserted. It fails only when a judged page
does not exist in the seeded demo, so that the judgments follow the demo content.

Run with ``make bench``, or alone:
``pytest tests/bench/test_relevance_benchmark.py -p no:cacheprovider -s -o addopts="" -m bench``.
Figures are printed and written to ``test-artifacts/relevance.json``.
"""

import datetime
import io
import json
import logging
import statistics
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Page, Site

from tests.factories.search import DATABASE_SETTINGS

from .relevance import CUTOFF, ndcg_at, recall_at, top_results
from .relevance_judgments import GROUPS, QUERIES

pytestmark = [pytest.mark.bench, pytest.mark.django_db]

ARTIFACT = Path(__file__).resolve().parents[2] / "test-artifacts" / "relevance.json"
BACKENDS = {"site": "site search (Whoosh, as seeded)", "database": "Wagtail database backend"}
WORST = 10
BEST_SHOWN = 5


def findable_paths():
    """URL paths of the pages /cerca/ may show an anonymous visitor (live, public, of a searchable type)."""
    site = Site.objects.get(is_default_site=True)
    pages = Page.objects.live().public().in_site(site).exclude(depth=1)
    return {
        page.relative_url(site)
        for page in pages
        if page.specific_class is not None and getattr(page.specific_class, "show_in_site_search", True)
    }


def stale_judgments(findable):
    return sorted({(query.text, url) for query in QUERIES for url in query.judgments if url not in findable})


def measure(client, caplog):
    """One row per judged query: what /cerca/ returned, how it scores, and whether the backend failed.

    The site never shows a backend failure: it logs it and answers with a simpler
    query, or with nothing. The log is the only place where the figures' cause shows.
    """
    rows = []
    for query in QUERIES:
        caplog.clear()
        top = top_results(client, query.text)
        rows.append(
            {
                "query": query.text,
                "group": query.group,
                "ndcg": round(ndcg_at(top, query.judgments), 4),
                "recall": round(recall_at(top, query.judgments), 4),
                "top10": top,
                "backend_failed": any(record.levelno >= logging.WARNING for record in caplog.records),
            }
        )
    return rows


def means(rows):
    return {
        "queries": len(rows),
        "ndcg": round(statistics.mean(r["ndcg"] for r in rows), 3),
        "recall": round(statistics.mean(r["recall"] for r in rows), 3),
    }


def summary(rows):
    """Means over all queries and over each group."""
    by_group = {group: means([r for r in rows if r["group"] == group]) for group in GROUPS}
    return {"all": means(rows), "groups": by_group}


def worst(rows, n=WORST):
    return sorted(rows, key=lambda r: (r["ndcg"], r["recall"]))[:n]


def table(summaries):
    width = max(len(name) for name in summaries) + 4
    lines = [
        f"{'':<23}" + "".join(f"{name:>{width}}" for name in summaries),
        f"{'group':<15}{'queries':>8}" + "".join(f"{'nDCG@10  recall@10':>{width}}" for _ in summaries),
    ]
    for group in (*GROUPS, "all"):
        cells = [s["all"] if group == "all" else s["groups"][group] for s in summaries.values()]
        figures = "".join(f"{c['ndcg']:>{width - 11}.3f}{c['recall']:>11.3f}" for c in cells)
        lines.append(f"{group:<15}{cells[0]['queries']:>8}{figures}")
    return lines


def explain(row, judgments):
    """What a developer needs to see about a badly answered query."""
    ranks = {url: rank for rank, url in enumerate(row["top10"], start=1)}
    returned = [f"{rank}. {url} ({judgments.get(url, 0)})" for url, rank in ranks.items()] or ["nothing"]
    best = sorted(judgments.items(), key=lambda item: -item[1])[:BEST_SHOWN]
    judged = [f"{url} ({grade}){f' at {ranks[url]}' if url in ranks else ', missing'}" for url, grade in best]
    return [
        f"«{row['query']}» ({row['group']}): nDCG@10 {row['ndcg']:.2f}, recall@10 {row['recall']:.2f}",
        "    returned (grade): " + "  ".join(returned),
        "    judged best:      " + "  ".join(judged),
    ]


def report(results):
    judgments = {query.text: query.judgments for query in QUERIES}
    summaries = {BACKENDS[name]: summary(rows) for name, rows in results.items()}
    lines = ["", f"Relevance of /cerca/ over {len(QUERIES)} judged queries (top {CUTOFF}; grades 3, 2, 1)", ""]
    lines += table(summaries)
    for name, rows in results.items():
        failed = [row["query"] for row in rows if row["backend_failed"]]
        if failed:
            quoted = ", ".join(f"«{text}»" for text in failed)
            lines.append(f"{BACKENDS[name]}: a backend failure was logged on {len(failed)} queries: {quoted}")
    lines += ["", f"The {WORST} queries the site search answers worst:"]
    for row in worst(results["site"]):
        lines += explain(row, judgments[row["query"]])
    print("\n".join(lines))


def write_artifact(results):
    data = {
        "measured_at": datetime.datetime.now().isoformat(timespec="seconds"),
        "cutoff": CUTOFF,
        "queries": len(QUERIES),
        "backends": {
            name: {"label": BACKENDS[name], **summary(rows), "per_query": rows} for name, rows in results.items()
        },
        "worst_site_queries": [row["query"] for row in worst(results["site"])],
    }
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps(data, indent=2, ensure_ascii=False))


def test_relevance_benchmark(demo_site, db, client, settings, caplog):
    caplog.set_level(logging.WARNING)
    settings.SEARCH_RATE_PER_MINUTE = 0  # some ~80 searches a minute from one address is the benchmark, not abuse
    stale = stale_judgments(findable_paths())
    assert not stale, "judged pages that the seeded demo does not have (update relevance_judgments.py):\n" + "\n".join(
        f"  «{text}»: {url}" for text, url in stale
    )
    # Whatever earlier tests of this process cached (synonyms, settings) must not shape the answers.
    cache.clear()
    results = {"site": measure(client, caplog)}

    # The same pages, indexed by Wagtail's database backend (seeding indexed only the site's backend).
    settings.WAGTAILSEARCH_BACKENDS = DATABASE_SETTINGS
    call_command("update_index", stdout=io.StringIO())
    cache.clear()
    results["database"] = measure(client, caplog)

    report(results)
    write_artifact(results)
