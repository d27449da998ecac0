"""Monitoring for the Cabina di Regia: who sees it, which figures, counted from which content, as a
page and as CSV, for any period, at a fixed number of queries.

"Now" is Thursday 26 November 2026 (the ``now`` fixture): the default period ends in 2026.
"""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ciao.demo import ensure_child
from ciao.models import Organisation
from ciao.roles import OPERATORI, REDAZIONE
from tests.factories.community import make_member
from tests.factories.events import at, make_event
from tests.factories.exchange import make_adoption
from tests.factories.practices import make_practice, practice_index
from tests.factories.resources import make_material

pytestmark = pytest.mark.django_db

URL = "/area-riservata/monitoraggio/"


# --- Builders ---------------------------------------------------------------------------------


def published_on(page, day):
    """Set when ``page`` was first published (the day the monitoring counts it)."""
    moment = datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)
    return page


def cabina():
    from community.models import WorkingGroup

    return WorkingGroup.objects.get(kind=WorkingGroup.Kind.STEERING)


def log_in(client, member_or_user):
    user = getattr(member_or_user, "user", member_or_user)
    client.force_login(user)
    return user


def table(response, series):
    """{row header: [cell texts]} of the table ``data-series=series``."""
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.find("table", attrs={"data-series": series})
    assert found is not None, f"no table {series}"
    rows = {}
    for tr in found.find_all("tr"):
        header = tr.find("th")
        rows[header.get_text(" ", strip=True)] = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
    return rows


def csv_rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def phase(title, practices=(), materials=()):
    return {
        "type": "phase",
        "value": {
            "title": title,
            "description": "<p>Una fase.</p>",
            "expected_outputs": [],
            "practices": [p.pk for p in practices],
            "materials": [m.pk for m in materials],
        },
    }


@pytest.fixture
def steering_member(db):
    return make_member("cabina", groups=[cabina()])


@pytest.fixture
def indexes(home):
    from events.models import EventIndexPage
    from resources.models import ResourceIndexPage

    return {
        "practices": practice_index(home),
        "materials": ensure_child(home, ResourceIndexPage, title="Materiali", slug="materiali")[0],
        "events": ensure_child(home, EventIndexPage, title="Eventi", slug="eventi")[0],
    }


@pytest.fixture
def content(now, indexes, home):
    """Content in 2025 and 2026 that counts, and content that must never count."""
    practices = indexes["practices"]
    author = make_member("autrice")
    sud = published_on(
        make_practice(
            practices,
            title="Antenne",
            ambito="sud-est-milano",
            indicators=[("Tirocini avviati", "10", "tirocini", 2025)],
        ),
        datetime.date(2025, 3, 10),
    )
    corsico = published_on(
        make_practice(
            practices,
            title="Spazio donne",
            ambito="corsichese",
            indicators=[("Tirocini avviati", "5", "tirocini", 2026), ("Persone accolte", "12", "persone", None)],
        ),
        datetime.date(2026, 5, 2),
    )
    autumn = published_on(
        make_practice(
            practices,
            title="Orti",
            ambito="corsichese",
            indicators=[("tirocini  AVVIATI", "4", "Tirocini", 2026), ("Tirocini avviati", "3", "ore", 2026)],
        ),
        datetime.date(2026, 9, 2),
    )
    old = published_on(make_practice(practices, title="Vecchia", ambito="paullese"), datetime.date(2020, 6, 1))
    draft = make_practice(
        practices,
        title="Bozza",
        ambito="corsichese",
        publish=False,
        indicators=[("Tirocini avviati", "100", "tirocini", 2026)],
    )
    private = published_on(
        make_practice(
            practices,
            title="Riservata",
            ambito="sud-est-milano",
            private=True,
            indicators=[("Tirocini avviati", "100", "tirocini", 2026)],
        ),
        datetime.date(2026, 2, 1),
    )

    organisation = Organisation.objects.create(
        name="Coop. di prova", slug="coop-di-prova", ambito=sud.ambito, kind=Organisation.Kind.THIRD_SECTOR
    )
    materials = indexes["materials"]
    handout = published_on(
        make_material(materials, title="Dispensa", organisation=organisation), datetime.date(2026, 4, 1)
    )
    published_on(make_material(materials, title="Senza ente"), datetime.date(2026, 10, 1))
    make_material(materials, title="Materiale in bozza", organisation=organisation, publish=False)

    events = indexes["events"]
    make_event(events, "Festa a Corsico", at(2026, 3, 5), comune="corsico")
    make_event(events, "Festa futura", at(2026, 12, 5), comune="corsico")
    make_event(events, "Festa annullata", at(2026, 3, 6), comune="corsico", status="cancelled")
    make_event(events, "Incontro dei partner", at(2026, 3, 7), comune="corsico", private=True)
    make_event(events, "Evento in bozza", at(2026, 3, 8), comune="corsico", publish=False)
    make_event(
        events,
        "Laboratorio settimanale",
        at(2026, 10, 5),
        comune="rozzano",
        repeat_frequency="weekly",
        repeat_until=datetime.date(2026, 10, 19),
    )

    make_adoption(
        sud,
        author,
        ambito="corsichese",
        adopted_on=datetime.date(2026, 2, 1),
        indicators=[("Tirocini avviati", "2", "tirocini", 2026)],
    )
    make_adoption(sud, author, ambito="paullese", adopted_on=datetime.date(2024, 5, 1))
    make_adoption(
        sud,
        author,
        ambito="paullese",
        status="revisione",
        adopted_on=datetime.date(2026, 3, 1),
        indicators=[("Tirocini avviati", "50", "tirocini", 2026)],
    )
    make_adoption(private, author, ambito="paullese", adopted_on=datetime.date(2026, 3, 1))
    make_adoption(draft, author, ambito="paullese", adopted_on=datetime.date(2026, 3, 1))

    from practices.models import InterventionModelPage

    phases = [phase("Emersione", [sud, corsico, draft, sud]), phase("Tirocini", [autumn, private], [handout])]
    ensure_child(home, InterventionModelPage, title="Modello di intervento", phases=json.dumps(phases))
    return {"sud": sud, "corsico": corsico, "autumn": autumn, "old": old}


# --- Who may see it ---------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accedi/?next=/area-riservata/monitoraggio/")


def test_a_member_outside_the_cabina_di_regia_is_told_why_not(client, member):
    log_in(client, member)
    for address in (URL, URL + "?formato=csv"):
        response = client.get(address)
        assert response.status_code == 403
        assert "riservato alla Cabina di Regia e alla redazione" in response.content.decode()


def test_someone_logged_in_without_a_member_profile_may_not_enter(client, make_user):
    client.force_login(make_user(role=OPERATORI))
    assert client.get(URL).status_code == 403


def test_a_member_of_the_cabina_di_regia_sees_it_and_finds_it_in_the_navigation(client, steering_member, home):
    log_in(client, steering_member)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Monitoraggio del progetto" in response.content.decode()
    area = client.get(reverse("community:my_area")).content.decode()
    assert f'href="{URL}"' in area


def test_the_redazione_sees_it(client, make_user, home):
    client.force_login(make_user(role=REDAZIONE))
    assert client.get(URL).status_code == 200


def test_members_outside_the_cabina_find_no_link_to_it(client, member):
    log_in(client, member)
    assert URL not in client.get(reverse("community:my_area")).content.decode()


# --- The figures come from the content --------------------------------------------------------


def test_practices_count_by_ambito_and_year_of_publication_never_drafts_or_private(client, steering_member, content):
    log_in(client, steering_member)
    rows = table(client.get(URL, {"dal": 2025, "al": 2026}), "pratiche")
    assert rows["Ambito"] == []
    assert rows["Sud Est Milano"] == ["1", "0", "1"]
    assert rows["Corsichese"] == ["0", "2", "2"]
    assert rows["Paullese"] == ["0", "0", "0"]
    assert rows["Tutti gli ambiti"] == ["1", "2", "3"]


def test_semesters_split_the_year(client, steering_member, content):
    log_in(client, steering_member)
    response = client.get(URL, {"dal": 2026, "al": 2026, "dettaglio": "semestre"})
    rows = table(response, "pratiche")
    assert rows["Corsichese"] == ["1", "1", "2"]
    assert "1° semestre 2026" in response.content.decode()


def test_materials_count_for_their_organisations_ambito(client, steering_member, content):
    log_in(client, steering_member)
    rows = table(client.get(URL, {"dal": 2026, "al": 2026}), "materiali")
    assert rows["Sud Est Milano"] == ["1", "1"]
    assert rows["Ambito non indicato"] == ["1", "1"]
    assert rows["Tutti gli ambiti"] == ["2", "2"]


def test_events_held_count_each_occurrence_never_future_cancelled_private_or_draft(client, steering_member, content):
    log_in(client, steering_member)
    rows = table(client.get(URL, {"dal": 2026, "al": 2026}), "eventi")
    assert rows["Corsichese"] == ["1", "1"]
    assert rows["Visconteo Sud Milano"] == ["3", "3"]
    assert rows["Tutti gli ambiti"] == ["4", "4"]


def test_adoptions_count_only_published_ones_of_public_practices_for_the_adopting_ambito(
    client, steering_member, content
):
    log_in(client, steering_member)
    rows = table(client.get(URL, {"dal": 2024, "al": 2026}), "adozioni")
    assert rows["Corsichese"] == ["0", "0", "1", "1"]
    assert rows["Paullese"] == ["1", "0", "0", "1"]
    assert rows["Tutti gli ambiti"] == ["1", "0", "1", "2"]


def test_phases_count_their_public_practices_per_ambito_materials_and_adoptions(client, steering_member, content):
    log_in(client, steering_member)
    rows = table(client.get(URL, {"dal": 2025, "al": 2026}), "fasi")
    # Columns: Corsichese, Paullese, Sud Est Milano, Visconteo Sud Milano; practices, materials, adoptions.
    emersione = rows["1. Emersione"]
    tirocini = rows["2. Tirocini"]
    assert emersione[-3:] == ["2", "0", "1"]
    assert tirocini[-3:] == ["1", "1", "0"]
    header = [
        th.get_text(strip=True)
        for th in BeautifulSoup(client.get(URL).content, "html.parser").select(
            'table[data-series="fasi"] thead tr:nth-of-type(2) th'
        )
    ]
    per_ambito = dict(zip(header, emersione[:4], strict=True))
    assert per_ambito["Sud Est Milano"] == "1"
    assert per_ambito["Corsichese"] == "1"
    assert per_ambito["Paullese"].startswith("0")


def test_indicators_sum_only_matching_name_and_unit_per_ambito(client, steering_member, content):
    log_in(client, steering_member)
    response = client.get(URL, {"dal": 2025, "al": 2026})
    compared = table(response, "indicatore-1")
    # Corsichese: 5 + 4 (same name in other capitals and spaces) from practices, 2 from an adoption.
    assert compared["Corsichese"] == ["11", "9", "2"]
    assert compared["Sud Est Milano"] == ["10", "10", "0"]
    assert compared["Tutti gli ambiti"][0] == "21"
    single = table(response, "indicatori-singoli")
    assert single["Tirocini avviati"] == ["ore", "Corsichese", "3", "3", "0"]
    page = response.content.decode()
    assert "1 valore senza anno non è contato" in page


def test_charts_carry_the_same_numbers_as_their_tables_with_text_labels(client, steering_member, content):
    log_in(client, steering_member)
    soup = BeautifulSoup(client.get(URL, {"dal": 2025, "al": 2026}).content, "html.parser")
    chart = soup.find("svg", id=False, attrs={"aria-labelledby": "grafico-pratiche-ambito-title"})
    assert chart["role"] == "img"
    assert "tabella" in chart.find("title", id="grafico-pratiche-ambito-title").get_text()
    labels = [text.get_text() for text in chart.select("text.chart-label")]
    values = [text.get_text() for text in chart.select("text.chart-value")]
    assert dict(zip(labels, values, strict=True))["Corsichese"] == "2"
    assert [t.get_text() for t in chart.select("rect title")][0].endswith("buone pratiche")


def test_the_csv_holds_the_same_figures_for_excel(client, steering_member, content):
    log_in(client, steering_member)
    response = client.get(URL, {"dal": 2025, "al": 2026, "formato": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="monitoraggio-ciao-2025-2026.csv"'
    rows = csv_rows(response)
    assert rows[0] == ["Sezione", "Misura", "Unità", "Ambito", "Fase", "Periodo", "Valore"]
    practices = {(r[3], r[5]): r[6] for r in rows if r[1] == "Buone pratiche pubblicate"}
    assert practices[("Corsichese", "2026")] == "2"
    assert practices[("Sud Est Milano", "2025")] == "1"
    events = sum(int(r[6]) for r in rows if r[1] == "Eventi svolti")
    assert events == 4
    indicator = {(r[0], r[3]): r[6] for r in rows if r[1] == "Tirocini avviati" and r[2] == "tirocini"}
    assert indicator == {
        ("Indicatori delle buone pratiche", "Corsichese"): "9",
        ("Indicatori delle adozioni", "Corsichese"): "2",
        ("Indicatori delle buone pratiche", "Sud Est Milano"): "10",
    }


def test_the_csv_writes_decimals_with_a_comma_and_never_starts_a_cell_as_a_formula(
    client, steering_member, indexes, now
):
    practice = make_practice(
        indexes["practices"], indicators=[('=HYPERLINK("http://x")', "12.5", "ore", 2026)], ambito="corsichese"
    )
    assert practice.live
    log_in(client, steering_member)
    rows = csv_rows(client.get(URL, {"formato": "csv"}))
    found = [r for r in rows if r[2] == "ore"]
    assert found[0][1] == '\'=HYPERLINK("http://x")'
    assert found[0][6] == "12,5"


# --- The period -------------------------------------------------------------------------------


def test_by_default_the_period_runs_from_the_first_content_to_this_year(client, steering_member, content):
    log_in(client, steering_member)
    response = client.get(URL)
    rows = table(response, "pratiche")
    assert len(rows["Paullese"]) == len(range(2020, 2027)) + 1
    assert rows["Paullese"][0] == "1"  # the practice of 2020
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "dal"})["value"] == "2020"
    assert soup.find("input", attrs={"name": "al"})["value"] == "2026"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"dal": "duemila"}, "Dall'anno: Scrivi un anno in cifre, per esempio 2024."),
        ({"dal": "1990"}, "Il monitoraggio comincia dal 2000."),
        ({"al": "2099"}, "Non si può scegliere un anno dopo il 2026."),
        ({"dal": "2026", "al": "2024"}, "L'anno finale viene prima di quello iniziale."),
        ({"dal": "2010", "al": "2026"}, "Al massimo 10 anni alla volta."),
        ({"dettaglio": "mese"}, "Scegli «anno per anno» o «semestre per semestre»."),
        ({"formato": "xls"}, "L'unico formato da scaricare è CSV."),
        ({"dal": "9" * 40}, "Non si può scegliere un anno dopo il 2026."),
    ],
)
def test_a_wrong_period_is_named_and_ignored(client, steering_member, content, params, message):
    log_in(client, steering_member)
    response = client.get(URL, params)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page.replace("&#x27;", "'").replace("&quot;", '"')
    assert "Il filtro è stato ignorato." in page
    # The figures of a valid period are still there, the wrong value left out.
    assert int(table(response, "pratiche")["Tutti gli ambiti"][-1]) >= 2


def test_what_was_typed_stays_in_the_form(client, steering_member, content):
    log_in(client, steering_member)
    soup = BeautifulSoup(client.get(URL, {"dal": "duemila"}).content, "html.parser")
    assert soup.find("input", attrs={"name": "dal"})["value"] == "duemila"


def test_the_csv_of_a_wrong_period_is_refused_with_the_reason(client, steering_member, content):
    log_in(client, steering_member)
    response = client.get(URL, {"dal": "2026", "al": "2020", "formato": "csv"})
    assert response.status_code == 400
    assert "L'anno finale viene prima di quello iniziale." in response.content.decode()


# --- A fixed number of queries ----------------------------------------------------------------


def _build(indexes, home, n, first_title):
    from practices.models import InterventionModelPage

    author = make_member(f"autore{n}")
    practices = [
        make_practice(
            indexes["practices"],
            ambito=("corsichese", "paullese", "sud-est-milano")[i % 3],
            indicators=[("Tirocini avviati", str(i + 1), "tirocini", 2026), ("Ore", "3", "ore", None)],
        )
        for i in range(n)
    ]
    materials = [make_material(indexes["materials"], title=f"{first_title} materiale {i}") for i in range(n)]
    for i in range(n):
        make_event(indexes["events"], f"{first_title} evento {i}", at(2026, 3, 1 + i))
        make_adoption(
            practices[i],
            author,
            ambito="visconteo-sud-milano",
            indicators=[("Tirocini avviati", "1", "tirocini", 2026)],
        )
    phases = [phase("Fase", practices, materials)]
    ensure_child(home, InterventionModelPage, title="Modello", slug="modello", phases=json.dumps(phases))


def _queries(client, address):
    client.get(address)  # warm up: sessions, content types, the site
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("address", [URL, URL + "?formato=csv", URL + "?dettaglio=semestre"])
def test_the_page_and_the_csv_cost_the_same_queries_for_few_or_many_items(
    client, steering_member, indexes, home, now, address
):
    log_in(client, steering_member)
    _build(indexes, home, 1, "Pochi")
    few = _queries(client, address)
    _build(indexes, home, 8, "Molti")
    many = _queries(client, address)
    assert few == many


def test_figures_keep_decimals_as_italians_write_them(client, steering_member, indexes, now):
    make_practice(indexes["practices"], ambito="corsichese", indicators=[("Ore", "1200.5", "ore", 2026)])
    make_practice(indexes["practices"], ambito="paullese", indicators=[("Ore", "0.25", "ore", 2026)])
    log_in(client, steering_member)
    rows = table(client.get(URL), "indicatore-1")
    assert rows["Corsichese"][0] == "1.200,5"
    assert rows["Tutti gli ambiti"][0] == "1.200,75"  # decimals summed exactly, never as floats
