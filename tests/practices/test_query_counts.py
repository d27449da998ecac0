"""Listing and practice page cost a fixed number of queries, whatever the number of practices."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.practices import make_document, make_practice

pytestmark = pytest.mark.django_db

AMBITI = ["sud-est-milano", "corsichese", "visconteo-sud-milano", "paullese"]
THEMES = ["capacitazione", "inclusione", "attivazione", "occupazione"]
# Measured on SQLite: the filtered listing costs 26 queries and the practice page 26, with 10
# or with 100 practices (Wagtail's routing, menu, breadcrumb, footer and settings included;
# the related practices as chosen once and kept, then checked; their section is not kept here,
# FRAGMENT_CACHE_SECONDS being 0 in the tests).
LISTING_MAX_QUERIES = 26
PRACTICE_MAX_QUERIES = 26


def add_practices(index, count):
    document = make_document()
    pages = []
    for n in range(count):
        pages.append(
            make_practice(
                index,
                ambito=AMBITI[n % 4],
                themes=[THEMES[n % 4], THEMES[(n + 1) % 4]],
                targets=["donne", "giovani"] if n % 2 else ["famiglie"],
                tags=[f"tag-{n % 7}", "comune-a-tutte"],
                indicators=[("Persone accolte", n, "persone", 2021), ("Ore", 10, "ore", 2022)],
                attachments=[(document, "CC-BY-4.0")],
                end_date=None,
            )
        )
    return pages


def warm(client, url):
    # The first request of a process fills caches that later ones reuse (site root paths, settings).
    client.get(url)
    client.get(url)


@pytest.mark.parametrize("count", [10, 100])
def test_listing_costs_a_fixed_number_of_queries(client, index, count, django_assert_max_num_queries):
    add_practices(index, count)
    url = index.url + "?tema=inclusione&destinatari=giovani&tag=comune-a-tutte&ordina=titolo"
    warm(client, url)
    with django_assert_max_num_queries(LISTING_MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 100])
def test_practice_page_costs_a_fixed_number_of_queries(client, index, count, django_assert_max_num_queries):
    pages = add_practices(index, count)
    url = pages[0].url
    warm(client, url)
    with django_assert_max_num_queries(PRACTICE_MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert "Pratiche simili in altri ambiti" in response.content.decode()


def test_listing_comparison_and_feed_cost_the_same_with_10_or_100_practices(client, index):
    urls = [index.url, index.url + "confronto/", index.url + "feed/"]

    def costs():
        result = []
        for url in urls:
            warm(client, url)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            result.append(len(queries))
        return result

    add_practices(index, 10)
    few = costs()
    add_practices(index, 90)
    assert costs() == few
