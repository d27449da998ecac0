"""iCalendar feeds: valid RFC 5545 that calendar programs expand exactly as the site lists."""

from datetime import date, datetime, timedelta

import pytest
import recurring_ical_events
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from events.calendar_feed import event_uid
from events.models import EventPage
from events.recurrence import ROME, Frequency
from tests.factories.events import at

pytestmark = pytest.mark.django_db

DECEMBER = (datetime(2026, 12, 1, tzinfo=ROME), datetime(2027, 1, 1, tzinfo=ROME))


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return [c for c in calendar.walk("VEVENT")]


@pytest.fixture
def december(make_event, vocab, now):
    """A month with repeats, an exception, a cancellation, an online and a two-day all-day event."""
    return {
        "weekly": make_event(
            "Laboratorio di sartoria",
            start=at(2026, 11, 3, 17, 30),
            repeat_frequency=Frequency.WEEKLY,
            repeat_until=date(2027, 1, 26),
            exdates=[date(2026, 12, 29)],
            comune=vocab.comune("rozzano"),
            themes=[vocab.theme("capacitazione")],
        ),
        "monthly": make_event(
            "Sportello lavoro",
            start=at(2026, 10, 12, 14, 0),
            repeat_frequency=Frequency.MONTHLY_WEEKDAY,
            repeat_until=date(2027, 3, 31),
            comune=vocab.comune("melegnano"),
            is_free=False,
            price=5,
        ),
        "cancelled": make_event(
            "Concerto", start=at(2026, 12, 19, 21), comune=vocab.comune("corsico"), status=EventPage.Status.CANCELLED
        ),
        "online": make_event(
            "Webinar", start=at(2026, 12, 10, 11), comune=None, online_url="https://meet.example.org/w"
        ),
        "all_day": make_event(
            "Mercatino",
            start=at(2026, 11, 30, 0, 0),
            end=at(2026, 12, 1, 0, 0),
            all_day=True,
            comune=vocab.comune("paullo"),
        ),
        "january": make_event("Festa", start=at(2027, 1, 9, 16), comune=vocab.comune("rozzano")),
        "draft": make_event("Bozza", start=at(2026, 12, 12), publish=False),
    }


def expanded(calendar, window=DECEMBER):
    found = set()
    for component in recurring_ical_events.of(calendar).between(*window):
        start = component["DTSTART"].dt
        if isinstance(start, datetime):
            start = start.astimezone(ROME)
        found.add((str(component["UID"]), start.isoformat()))
    return found


def listed(occurrences):
    return {(event_uid(o.event), o.start.date().isoformat() if o.all_day else o.start.isoformat()) for o in occurrences}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "comune=rozzano",
        "ambito=corsichese&ambito=paullese",
        "gratuito=1",
        "modalita=online",
        "tema=capacitazione",
        "comune=rozzano&comune=melegnano&modalita=presenza",
    ],
)
def test_calendar_programs_expand_the_feed_into_what_the_month_view_shows(client, index, december, query):
    calendar = fetch(client, f"{index.url}calendario.ics?{query}")
    month_view = client.get(f"{index.url}mese/2026/12/?{query}")
    assert month_view.status_code == 200
    shown = listed(month_view.context["month_occurrences"])
    assert shown, "the filters should leave something to compare"
    assert expanded(calendar) == shown


@pytest.mark.parametrize("query", ["", "comune=rozzano", "gratuito=1"])
def test_a_feed_of_a_date_range_expands_into_what_the_listing_shows_for_it(client, index, december, query):
    dates = "dal=2026-12-01&al=2026-12-31"
    calendar = fetch(client, f"{index.url}calendario.ics?{dates}&{query}")
    listing = client.get(f"{index.url}?{dates}&{query}").context["listing"]
    assert expanded(calendar) == listed(listing.occurrences())


def test_the_feed_is_a_valid_calendar_with_a_timezone_and_each_event_once(client, index, december):
    calendar = fetch(client, f"{index.url}calendario.ics")
    assert calendar["VERSION"] == "2.0"
    assert "CIAO!" in str(calendar["PRODID"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]
    uids = [str(e["UID"]) for e in vevents(calendar)]
    assert len(uids) == len(set(uids)) == 6  # the draft is not there
    for component in vevents(calendar):
        assert component["DTSTAMP"].dt.utcoffset() == timedelta(0)
        assert component["URL"].startswith("http")
        assert "SEQUENCE" in component


def test_drafts_and_private_events_are_in_no_feed(client, index, december, make_event):
    private = make_event("Riservato", start=at(2026, 12, 14))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="segreta")
    titles = {str(e["SUMMARY"]) for e in vevents(fetch(client, f"{index.url}calendario.ics"))}
    assert "Bozza" not in titles and "Riservato" not in titles
    assert client.get(f"{december['draft'].url}evento.ics").status_code == 404
    response = client.get(f"{private.url}evento.ics")
    assert response["Content-Type"].startswith("text/html")  # Wagtail's password form, not the event


def test_a_repeating_event_carries_its_rule_and_exception_in_rome_time(client, december):
    (component,) = vevents(fetch(client, f"{december['weekly'].url}evento.ics"))
    assert component["DTSTART"].params["TZID"] == "Europe/Rome"
    assert component["DTSTART"].dt == at(2026, 11, 3, 17, 30)
    assert component["RRULE"]["FREQ"] == ["WEEKLY"]
    assert component["EXDATE"].dts[0].dt == at(2026, 12, 29, 17, 30)
    assert component["URL"].endswith(december["weekly"].url)
    assert str(component["UID"]) == event_uid(december["weekly"])


def test_cancelled_events_carry_status_cancelled(client, december):
    (component,) = vevents(fetch(client, f"{december['cancelled'].url}evento.ics"))
    assert component["STATUS"] == "CANCELLED"
    assert str(component["SUMMARY"]).startswith("ANNULLATO")


def test_a_changed_event_has_a_higher_sequence_and_the_same_uid(client, december):
    event = december["online"]
    before = vevents(fetch(client, f"{event.url}evento.ics"))[0]
    event.start, event.end = at(2026, 12, 11, 11), at(2026, 12, 11, 13)
    event.save_revision().publish()
    after = vevents(fetch(client, f"{event.url}evento.ics"))[0]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after["UID"] == before["UID"]


def test_all_day_events_are_dates_with_an_exclusive_end(client, december):
    (component,) = vevents(fetch(client, f"{december['all_day'].url}evento.ics"))
    assert component["DTSTART"].dt == date(2026, 11, 30)
    assert component["DTEND"].dt == date(2026, 12, 2)


@pytest.mark.parametrize("day, utc_hour", [(date(2027, 3, 27), 17), (date(2026, 10, 31), 17), (date(2027, 4, 3), 16)])
def test_six_pm_on_the_last_saturdays_of_march_and_october_is_six_pm_in_the_feed(
    client, make_event, now, day, utc_hour
):
    event = make_event(start=at(day.year, day.month, day.day, 18, 0))
    (component,) = vevents(fetch(client, f"{event.url}evento.ics"))
    start = component["DTSTART"]
    assert start.to_ical() == f"{day:%Y%m%d}T180000".encode()
    assert start.dt.astimezone(ROME).hour == 18
    assert start.dt.utcoffset() == timedelta(hours=18 - utc_hour)


def test_calendar_programs_keep_a_weekly_saturday_at_six_pm_across_both_changes(client, make_event, now):
    event = make_event(start=at(2026, 10, 17, 18, 0), repeat_frequency=Frequency.WEEKLY, repeat_until=date(2027, 4, 10))
    calendar = fetch(client, f"{event.url}evento.ics")
    window = (datetime(2026, 10, 1, tzinfo=ROME), datetime(2027, 4, 30, tzinfo=ROME))
    starts = sorted(c["DTSTART"].dt for c in recurring_ical_events.of(calendar).between(*window))
    assert {s.astimezone(ROME).strftime("%H:%M") for s in starts} == {"18:00"}
    assert [o.start for o in event.occurrences()] == [s.astimezone(ROME) for s in starts]
    offsets = {s.astimezone(ROME).date(): s.astimezone(ROME).utcoffset() for s in starts}
    assert offsets[date(2026, 10, 24)] == timedelta(hours=2)
    assert offsets[date(2026, 10, 31)] == timedelta(hours=1)
    assert offsets[date(2027, 3, 27)] == timedelta(hours=1)
    assert offsets[date(2027, 4, 3)] == timedelta(hours=2)


def test_a_feed_past_its_size_keeps_the_coming_events_then_the_latest_ended(
    client, index, make_event, now, monkeypatch
):
    monkeypatch.setattr("events.listing.FEED_MAX_EVENTS", 3)
    make_event("Finito a ottobre", start=at(2026, 10, 5, 10))
    make_event("Finito a novembre", start=at(2026, 11, 20, 10))
    make_event("Il prossimo", start=at(2026, 12, 10, 10))
    make_event("Quello dopo", start=at(2027, 1, 14, 10))
    titles = [str(e["SUMMARY"]) for e in vevents(fetch(client, f"{index.url}calendario.ics"))]
    assert sorted(titles) == sorted(["Finito a novembre", "Il prossimo", "Quello dopo"])
