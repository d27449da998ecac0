"""/cerca/: relevance, facets that match the database, safe with any input."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import Ambito, StandardPage
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home):
    index = ensure_child(home, PracticeIndexPage, title="Buone pratiche")[0]
    ambiti = {a.slug: a for a in Ambito.objects.all()}
    made = {}
    for title, ambito, tags in [
        ("Tirocini in Comune", "sud-est-milano", ["tirocini"]),
        ("Tirocini con le imprese", "corsichese", ["tirocini", "imprese"]),
        ("Laboratorio di cucito", "corsichese", ["laboratori"]),
    ]:
        page = ensure_child(index, PracticePage, title=title, summary=f"{title}: una pratica.", ambito=ambiti[ambito])[
            0
        ]
        page.tags.add(*tags)
        page.save_revision().publish()
        made[title] = page
    made["standard"] = ensure_child(home, StandardPage, title="Tirocini: chi può farli", intro="Regole dei tirocini.")[
        0
    ]
    made["draft"] = ensure_child(
        index, PracticePage, title="Tirocini segreti", summary="bozza", ambito=ambiti["paullese"], publish=False
    )[0]
    private = ensure_child(home, StandardPage, title="Tirocini riservati", intro="tirocini")[0]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return made


def search(client, params):
    response = client.get("/cerca/", params)
    assert response.status_code == 200
    return response


def titles(response):
    return [r["page"].title for r in response.context["results"]]


def counts(response, facet):
    result = next((f for f in response.context["facets"] if f.name == facet), None)
    return {o.value: o.count for o in result.options} if result else {}


def test_finds_live_public_pages_of_every_type(client, any_backend, content):
    found = titles(search(client, {"q": "tirocini"}))
    assert set(found) == {"Tirocini in Comune", "Tirocini con le imprese", "Tirocini: chi può farli"}


def test_facet_counts_equal_the_database(client, any_backend, content):
    response = search(client, {"q": "tirocini"})
    assert counts(response, "ambito") == {"sud-est-milano": 1, "corsichese": 1}
    assert counts(response, "tipo") == {"practices.practicepage": 2, "ciao.standardpage": 1}
    assert counts(response, "tag")["tirocini"] == 2


def test_filters_combine_and_show_removable_chips(client, any_backend, content):
    response = search(client, {"q": "tirocini", "tipo": "practices.practicepage", "ambito": "corsichese"})
    assert titles(response) == ["Tirocini con le imprese"]
    chips = response.context["chips"]
    assert len(chips) == 2
    remove_ambito = next(o.remove_url for label, o in chips if o.value == "corsichese")
    assert "ambito" not in remove_ambito and "tipo=practices.practicepage" in remove_ambito


def test_browsing_a_facet_without_words(client, any_backend, content):
    response = search(client, {"tag": "laboratori"})
    assert titles(response) == ["Laboratorio di cucito"]


def test_excerpt_is_escaped(client, any_backend, content, home):
    ensure_child(home, StandardPage, title="Pagina ostile", intro="Parola rarissima <script>alert(1)</script>")
    html = search(client, {"q": "rarissima"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 10_000},
        {"q": '"tirocini'},
        {"q": "tirocini", "page": "-1"},
        {"q": "tirocini", "page": "abc"},
        {"q": "tirocini", "page": "99999"},
        {"q": "tirocini", "ambito": "atlantide", "anno": "abc", "tipo": "os.system"},
        {"q": "AND OR NOT"},
        {"q": "*"},
        {"q": "\x00"},
        {"q": "🙂 tirocini"},
    ],
)
def test_odd_input_gets_a_page_not_an_error(client, any_backend, content, params):
    search(client, params)


def test_long_queries_are_cut_with_a_message(client, any_backend, content):
    response = search(client, {"q": "tirocini " * 100})
    assert "primi 200 caratteri" in response.content.decode()


def test_unknown_facet_values_are_ignored_with_a_message(client, any_backend, content):
    response = search(client, {"q": "tirocini", "ambito": "atlantide"})
    assert len(titles(response)) == 3
    assert "sono stati ignorati" in response.content.decode()


def test_empty_query_offers_next_steps(client, any_backend, content):
    html = search(client, {"q": ""}).content.decode()
    assert "Argomenti più usati" in html and "Ultimi contenuti" in html
    assert "tirocini (2)" in html


def test_no_result_offers_next_steps(client, any_backend, content):
    html = search(client, {"q": "astronave"}).content.decode()
    assert "Nessun risultato" in html and "Argomenti più usati" in html


def test_pagination_keeps_the_filters(client, home, content):
    index = content["Tirocini in Comune"].get_parent()
    ambito = Ambito.objects.get(slug="corsichese")
    for i in range(12):
        ensure_child(index, PracticePage, title=f"Tirocinio numero {i}", summary="tirocini", ambito=ambito)
    response = search(client, {"q": "tirocini", "ambito": "corsichese"})
    html = response.content.decode()
    assert "ambito=corsichese&amp;pagina=2" in html
    second = search(client, {"q": "tirocini", "ambito": "corsichese", "page": "2"})
    assert second.context["results_page"].number == 2


def test_the_page_is_pagina_as_on_every_listing_and_old_page_links_still_work(client, home, content):
    index = content["Tirocini in Comune"].get_parent()
    for i in range(12):
        ensure_child(
            index, PracticePage, title=f"Tirocinio numero {i}", summary="tirocini", ambito=Ambito.objects.first()
        )
    assert search(client, {"q": "tirocini", "pagina": "2"}).context["results_page"].number == 2
    assert search(client, {"q": "tirocini", "page": "2"}).context["results_page"].number == 2
    assert search(client, {"q": "tirocini", "pagina": "1", "page": "2"}).context["results_page"].number == 1


def test_promoted_results_come_first_unless_private(client, any_backend, content):
    query = Query.get("tirocini")
    SearchPromotion.objects.create(
        query=query, page=content["Laboratorio di cucito"], description="Da non perdere", sort_order=0
    )
    html = search(client, {"q": "tirocini"}).content.decode()
    assert html.index("Da non perdere") < html.index("Tirocini in Comune")


def test_queries_are_logged_without_personal_data(client, any_backend, content):
    search(client, {"q": "tirocini"})
    search(client, {"q": "mario.rossi@example.org"})
    assert Query.objects.get(query_string="tirocini").hits == 1
    assert not Query.objects.filter(query_string__contains="example").exists()


def test_search_page_costs_a_fixed_number_of_queries(client, home, content):
    """12 hits or 42: one full page of results either way, and the same SQL."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = content["Tirocini in Comune"].get_parent()
    ambito = Ambito.objects.get(slug="corsichese")

    def add(n, start):
        for i in range(start, start + n):
            page = ensure_child(index, PracticePage, title=f"Tirocini {i}", summary="tirocini", ambito=ambito)[0]
            page.tags.add("tirocini")
            page.save_revision().publish()

    params = {"q": "tirocini", "tipo": "practices.practicepage"}
    add(10, 0)
    search(client, params)
    with CaptureQueriesContext(connection) as few:
        assert search(client, params).context["total"] == 12
    add(30, 10)
    with CaptureQueriesContext(connection) as many:
        assert search(client, params).context["total"] == 42
    assert len(many) == len(few)
