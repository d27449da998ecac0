"""The RSS feed of the practices: valid RSS, the listing's filters, live public practices only."""

import feedparser
import pytest

from tests.factories.practices import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(index):
    return [
        make_practice(index, title="Tirocini a Melegnano", ambito="sud-est-milano", themes=["occupazione"]),
        make_practice(index, title="Orti a Cusago", ambito="corsichese", themes=["attivazione"]),
        make_practice(index, title="Bozza segreta", ambito="corsichese", publish=False),
        make_practice(index, title="Pratica riservata", ambito="corsichese", private=True),
    ]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_feed_lists_live_public_practices_newest_first(client, index, practices):
    feed = parse(client, index.url + "feed/")
    assert [e.title for e in feed.entries] == ["Orti a Cusago", "Tirocini a Melegnano"]
    entry = feed.entries[0]
    assert entry.link.endswith(practices[1].url)
    assert {t.term for t in entry.tags} == {"Corsichese", "Attivazione"}
    assert feed.feed.language == "it"


def test_feed_takes_the_listing_filters(client, index, practices):
    feed = parse(client, index.url + "feed/?ambito=corsichese")
    assert [e.title for e in feed.entries] == ["Orti a Cusago"]
    assert feed.feed.title.endswith(": Corsichese")
    assert feed.feed.link.endswith("?ambito=corsichese")


def test_unknown_filters_are_ignored(client, index, practices):
    feed = parse(client, index.url + "feed/?ambito=%3Cscript%3E&tema=<b>")
    assert len(feed.entries) == 2
