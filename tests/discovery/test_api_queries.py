"""The content API answers a Wagtail API client's typical queries."""

import feedparser
import pytest

from tests.practices.builders import make_practice, practice_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(home):
    index = practice_index(home)
    return index, [
        make_practice(index, title="Tirocini nelle imprese", ambito="corsichese", tags=["tirocini"]),
        make_practice(index, title="Laboratorio di sartoria", ambito="sud-est-milano", tags=["laboratori"]),
    ]


def test_type_all_fields_and_search(client, any_backend, practices):
    response = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "fields": "*", "search": "tirocini"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["title"] for i in items] == ["Tirocini nelle imprese"]
    item = items[0]
    assert item["meta"]["type"] == "practices.PracticePage"
    assert item["summary"]
    assert item["ambito"]["name"] == "Corsichese"


def test_filter_by_ambito_slug_and_tag(client, practices):
    by_ambito = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "ambito": "corsichese"}).json()
    assert [i["title"] for i in by_ambito["items"]] == ["Tirocini nelle imprese"]
    by_tag = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "tags": "laboratori"}).json()
    assert [i["title"] for i in by_tag["items"]] == ["Laboratorio di sartoria"]


def test_the_practices_feed_is_valid_rss(client, practices):
    index, _ = practices
    feed = feedparser.parse(client.get(index.url + "feed/").content)
    assert not feed.bozo, feed.bozo_exception
    assert {e.title for e in feed.entries} == {"Tirocini nelle imprese", "Laboratorio di sartoria"}
    filtered = feedparser.parse(client.get(index.url + "feed/", {"ambito": "corsichese"}).content)
    assert [e.title for e in filtered.entries] == ["Tirocini nelle imprese"]
