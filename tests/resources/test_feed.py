"""The RSS feed of materials: live public materials only, with the listing's filters."""

import feedparser
import pytest
from wagtail.models import PageViewRestriction

from tests.factories.resources import make_document

pytestmark = pytest.mark.django_db


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return feedparser.parse(response.content)


def test_the_feed_lists_live_public_materials_newest_first(client, material_builder):
    material_builder("Primo")
    material_builder("Secondo")
    material_builder("Bozza", publish=False)
    private = material_builder("Riservato")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    feed = parsed(client, "/materiali/feed/")
    assert [entry.title for entry in feed.entries] == ["Secondo", "Primo"]
    assert feed.feed.title.startswith("Materiali formativi")


def test_the_feed_follows_the_listing_filters(client, material_builder):
    material_builder("Una slide", kind="slide", language="en")
    material_builder("Una guida", kind="guida")
    feed = parsed(client, "/materiali/feed/?tipo=slide")
    assert [entry.title for entry in feed.entries] == ["Una slide"]
    assert "Slide" in feed.feed.title
    assert feed.feed.link.endswith("/materiali/?tipo=slide")


def test_unknown_filter_values_in_the_feed_are_ignored(client, material_builder):
    material_builder("Una guida", kind="guida")
    feed = parsed(client, "/materiali/feed/?tipo=%00%F0%9F%98%80&lingua=xx")
    assert [entry.title for entry in feed.entries] == ["Una guida"]


def test_each_item_has_link_summary_categories_and_its_first_file_as_enclosure(client, material_builder):
    document = make_document("pdf", name="guida.pdf")
    page = material_builder("Guida", summary="A che cosa serve.", kind="guida", documents=[document])
    entry = parsed(client, "/materiali/feed/").entries[0]
    assert entry.link.endswith(page.url)
    assert entry.summary == "A che cosa serve."
    assert "Guida" in [tag.term for tag in entry.tags]
    enclosure = entry.enclosures[0]
    assert enclosure.href.endswith(document.url)
    assert enclosure.type == "application/pdf"
    assert int(enclosure.length) == document.file_size
