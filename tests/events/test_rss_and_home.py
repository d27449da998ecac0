"""The RSS feed with the listing's filters, and the home page's "Prossimi eventi"."""

from datetime import date

import feedparser
import pytest
from django.utils import timezone

from events.recurrence import Frequency, expand
from tests.factories.events import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(make_event, vocab, now):
    make_event(
        "Laboratorio",
        start=at(2026, 11, 3, 17, 30),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2027, 1, 26),
        comune=vocab.comune("rozzano"),
    )
    make_event("Concerto", start=at(2026, 12, 19, 21), comune=vocab.comune("corsico"))
    make_event("Passato", start=at(2026, 10, 3))
    make_event("Bozza", start=at(2026, 12, 3), publish=False)


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed.entries


def test_rss_lists_each_upcoming_public_event_once_at_its_next_date(client, index, events):
    items = entries(client, f"{index.url}feed/")
    assert [e.title for e in items] == ["1 dicembre 2026, 17:30 – Laboratorio", "19 dicembre 2026, 21:00 – Concerto"]
    assert items[0].link.startswith("http") and "/eventi/laboratorio" in items[0].link


def test_rss_follows_the_listing_filters(client, index, events):
    assert [e.title for e in entries(client, f"{index.url}feed/?ambito=corsichese")] == [
        "19 dicembre 2026, 21:00 – Concerto"
    ]


def test_rss_ignores_malformed_filters(client, index, events):
    assert len(entries(client, f"{index.url}feed/?dal=2026-13-45&comune=%00")) == 2


def test_the_home_page_shows_the_next_events_once_each(client, home, index, events):
    content = client.get(home.url).content.decode()
    assert "Prossimi eventi" in content
    assert content.count("Laboratorio</a>") == 1
    assert "Concerto" in content and "Bozza" not in content and "Passato" not in content


def test_the_next_events_are_those_every_coming_date_would_give(index, make_event, now, monkeypatch):
    """The home page expands only the events before a horizon: the same events as expanding them all."""
    from events.models import index as index_module
    from events.models.index import _first_of_each, next_events

    make_event(
        "Laboratorio settimanale",
        start=at(2026, 11, 3, 17),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2027, 3, 30),
    )
    # Its first date is excluded: its next occurrence is a week after its start.
    make_event(
        "Sportello",
        start=at(2026, 11, 27, 9),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2027, 1, 29),
        exdates=[date(2026, 11, 27)],
    )
    make_event("Mercatino", start=at(2026, 11, 28, 0), end=at(2026, 11, 29, 0), all_day=True)
    for day in range(1, 25):
        make_event(f"Incontro {day}", start=at(2026, 12, day, 18))
    coming = index.listed().filter(last_end__gt=timezone.now())
    for count in (1, 3, 5, 12):
        everything = _first_of_each(expand(coming, window_start=timezone.now()), count)
        assert [o.event.title for o in next_events(coming, timezone.now(), count)] == [
            o.event.title for o in everything
        ]
    expanded = []
    monkeypatch.setattr(
        index_module, "expand", lambda events, **kw: expanded.append(len(events)) or expand(events, **kw)
    )
    next_events(coming, timezone.now(), 3)
    assert expanded and expanded[-1] < coming.count()  # not every coming event
