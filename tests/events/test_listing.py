"""The events listing, month view and archive: what they show, how filters behave, what they cost."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from events.models import EventPage
from events.recurrence import Frequency
from tests.factories.events import at

pytestmark = pytest.mark.django_db


def titles(response):
    return [o.event.title for o in response.context["occurrences"]]


def shown(response):
    return response.content.decode()


@pytest.fixture
def week(make_event, vocab, now):
    """Today is Thursday 26 November 2026, 10:00."""
    return {
        "earlier_today": make_event("Colazione", start=at(2026, 11, 26, 8), duration=timedelta(hours=1)),
        "today": make_event(
            "Pranzo", start=at(2026, 11, 26, 12), comune=vocab.comune("opera"), themes=[vocab.theme("inclusione")]
        ),
        "sunday": make_event(
            "Passeggiata", start=at(2026, 11, 29, 10), comune=vocab.comune("paullo"), is_free=False, price=3
        ),
        "next_week": make_event(
            "Webinar",
            start=at(2026, 12, 2, 11),
            comune=None,
            online_url="https://meet.example.org/w",
            audience=[vocab.audience("giovani")],
        ),
        "january": make_event("Festa", start=at(2027, 1, 9, 16), comune=vocab.comune("corsico")),
        "past": make_event("Incontro passato", start=at(2026, 10, 3, 18), comune=vocab.comune("rozzano")),
    }


def test_upcoming_events_by_default_in_date_order(client, index, week):
    response = client.get(index.url)
    assert response.status_code == 200
    assert titles(response) == ["Pranzo", "Passeggiata", "Webinar", "Festa"]


def test_repeating_events_appear_once_per_upcoming_date(client, index, make_event, now):
    make_event(
        "Laboratorio",
        start=at(2026, 11, 3, 17, 30),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2026, 12, 15),
        exdates=[date(2026, 12, 8)],
    )
    response = client.get(index.url)
    assert [o.start.date() for o in response.context["occurrences"]] == [date(2026, 12, 1), date(2026, 12, 15)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("periodo=oggi", ["Pranzo"]),
        ("periodo=settimana", ["Pranzo", "Passeggiata"]),
        ("periodo=mese", ["Pranzo", "Passeggiata"]),
        ("dal=2026-12-01&al=2026-12-31", ["Webinar"]),
        ("dal=2026-11-26&al=2026-11-26", ["Colazione", "Pranzo"]),
        ("comune=opera&comune=paullo", ["Pranzo", "Passeggiata"]),
        ("ambito=corsichese", ["Festa"]),
        ("tema=inclusione", ["Pranzo"]),
        ("destinatari=giovani", ["Webinar"]),
        ("gratuito=1", ["Pranzo", "Webinar", "Festa"]),
        ("modalita=online", ["Webinar"]),
        ("modalita=presenza&periodo=settimana", ["Pranzo", "Passeggiata"]),
    ],
)
def test_filters(client, index, week, query, expected):
    response = client.get(f"{index.url}?{query}")
    assert titles(response) == expected
    assert response.context["filter_messages"] == []


@pytest.mark.parametrize(
    "query, message",
    [
        ("dal=2026-13-45", "Dal giorno: Inserisci una data valida."),
        ("al=ieri", "Al giorno: Inserisci una data valida."),
        ("dal=0001-01-01", "Scegli una data tra il 2000 e il 2100."),
        ("dal=2026-12-31&al=2026-12-01", "La data finale viene prima di quella iniziale."),
        ("comune=atlantide", "Alcuni filtri non sono validi e sono stati ignorati: Comune."),
        ("periodo=domani", "Quando:"),
        ("dal=%00", "Dal giorno:"),
        ("comune=%00&tema=<script>", "Comune, Tema"),
    ],
)
def test_malformed_filters_are_ignored_with_a_message(client, index, week, query, message):
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    assert any(message in str(m) for m in response.context["filter_messages"]), response.context["filter_messages"]
    assert "Pranzo" in titles(response) or "dal" in query  # the list is still there
    assert "<script>" not in shown(response).split("<main", 1)[1]


def test_a_wrong_date_keeps_what_was_typed_next_to_the_field(client, index, week):
    content = shown(client.get(f"{index.url}?dal=2026-13-45&comune=opera"))
    assert 'value="2026-13-45"' in content
    assert 'aria-invalid="true"' in content
    assert "Pranzo" in content


def test_an_unknown_page_number_shows_a_page_rather_than_an_error(client, index, week):
    assert client.get(f"{index.url}?page=999").status_code == 200
    assert client.get(f"{index.url}?page=uno").status_code == 200


def test_pagination_keeps_the_filters(client, index, make_event, now):
    for day in range(1, 15):
        make_event(f"Evento {day}", start=at(2026, 12, day))
    content = shown(client.get(f"{index.url}?comune=rozzano"))
    assert "?comune=rozzano&amp;pagina=2" in content


def test_drafts_and_private_events_are_never_listed(client, index, make_event, now):
    make_event("Bozza", start=at(2026, 12, 3), publish=False)
    private = make_event("Riservato", start=at(2026, 12, 4))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="segreta")
    make_event("Pubblico", start=at(2026, 12, 5))
    for url in (index.url, f"{index.url}mese/2026/12/", f"{index.url}archivio/?dal=2026-12-01"):
        content = shown(client.get(url))
        assert "Pubblico" in content or "archivio" in url
        assert "Bozza" not in content and "Riservato" not in content


def test_the_month_view_is_a_table_with_a_caption_and_weekday_headers(client, index, week):
    response = client.get(f"{index.url}mese/2026/11/")
    content = shown(response)
    assert "<caption" in content and "novembre 2026" in content.lower()
    assert content.count('<th scope="col">') == 7
    assert '<abbr title="lunedì">' in content
    assert "Colazione" in content and "Incontro passato" not in content  # the whole month, not only what is to come
    assert f'href="{index.url}mese/2026/10/"' in content and f'href="{index.url}mese/2026/12/"' in content


def test_month_links_keep_the_filters(client, index, week):
    content = shown(client.get(f"{index.url}mese/2026/11/?comune=opera"))
    assert f"{index.url}mese/2026/12/?comune=opera" in content
    assert "Passeggiata" not in content


@pytest.mark.parametrize("path", ["mese/2026/13/", "mese/1999/01/", "mese/2026/0/"])
def test_an_impossible_month_is_not_found(client, index, path):
    assert client.get(f"{index.url}{path}").status_code == 404


def test_this_month_opens_on_the_current_month(client, index, week):
    assert "novembre 2026" in shown(client.get(f"{index.url}mese/")).lower()


def test_the_archive_lists_past_events_newest_first(client, index, week, make_event):
    make_event("Più vecchio", start=at(2026, 9, 1))
    response = client.get(f"{index.url}archivio/")
    assert titles(response) == ["Colazione", "Incontro passato", "Più vecchio"]


def test_cancelled_events_stay_listed_and_marked(client, index, make_event, now):
    make_event("Concerto", start=at(2026, 12, 19, 21), status=EventPage.Status.CANCELLED)
    content = shown(client.get(index.url))
    assert "Concerto" in content and "Annullato" in content


def test_counts_per_option_follow_the_other_filters(client, index, week):
    facets = {
        f.name: {o.value: o.count for o in f.options}
        for f in client.get(f"{index.url}?gratuito=1").context["listing"].facet_results()
    }
    assert facets["comune"]["paullo"] == 0  # Passeggiata is not free
    assert facets["comune"]["opera"] == 1


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path",
    ["", "?comune=rozzano&periodo=mese", "mese/2026/12/", "archivio/", "calendario.ics", "feed/"],
)
def test_a_listing_costs_the_same_queries_whatever_the_number_of_events(client, index, make_event, vocab, now, path):
    def add(n, offset):
        for i in range(n):
            make_event(
                f"Evento {offset + i}",
                start=at(2026, 12, 1 + (offset + i) % 28) - timedelta(days=60 if path == "archivio/" else 0),
                themes=[vocab.theme("inclusione")],
                audience=[vocab.audience("donne")],
                tags=["prova"],
                repeat_frequency=Frequency.WEEKLY if i % 2 else "",
                repeat_until=date(2027, 1, 31) if i % 2 else None,
                exdates=[date(2027, 1, 5)] if i % 2 else [],
            )

    add(2, 0)
    count_queries(client, f"{index.url}{path}")  # warm caches (site root paths, content types)
    few = count_queries(client, f"{index.url}{path}")
    add(12, 2)
    many = count_queries(client, f"{index.url}{path}")
    assert few == many, f"{path}: {few} queries with 2 events, {many} with 14"
    print(f"{path or 'listing'}: {many} queries")


def test_an_event_page_costs_the_same_queries_whatever_it_carries(client, make_event, vocab, now):
    # Both have an organiser: an empty foreign key saves a query, which is not what this is about.
    bare = make_event("Semplice", start=at(2026, 12, 3), organiser=vocab.organisation("AFOL"))
    rich = make_event(
        "Ricco",
        start=at(2026, 12, 1, 17, 30),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2027, 3, 1),
        exdates=[date(2026, 12, 29), date(2027, 1, 5)],
        themes=[vocab.theme("inclusione"), vocab.theme("attivazione")],
        audience=[vocab.audience("donne"), vocab.audience("giovani")],
        tags=["a", "b", "c"],
        organiser=vocab.organisation("AFOL"),
    )
    count_queries(client, bare.url)
    assert count_queries(client, bare.url) == count_queries(client, rich.url)
