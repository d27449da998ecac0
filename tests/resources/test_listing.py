"""The materials listing: filters with counts, only live public materials, fixed query count."""

import re

import pytest
from wagtail.models import PageViewRestriction

from ciao.models import Theme
from resources.models import Audience
from tests.factories.resources import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def materials(material_builder):
    themes = {t.slug: t for t in Theme.objects.all()}
    audiences = {a.slug: a for a in Audience.objects.all()}
    specs = [
        ("Guida A", "guida", "cc-by-4.0", "it", ["capacitazione"], ["operatori"], ["tirocini"]),
        ("Slide B", "slide", "cc-by-4.0", "it", ["capacitazione", "occupazione"], ["formatori"], ["tirocini", "donne"]),
        ("Slide C", "slide", "cc-by-sa-4.0", "en", ["occupazione"], ["operatori", "cittadini"], []),
        ("Video D", "video", "tutti-i-diritti-riservati", "it", [], ["cittadini"], ["donne"]),
    ]
    pages = {}
    for title, kind, licence, language, theme_slugs, audience_slugs, tags in specs:
        pages[title] = material_builder(
            title,
            kind=kind,
            licence=licence,
            language=language,
            themes=[themes[s] for s in theme_slugs],
            audiences=[audiences[s] for s in audience_slugs],
            tags=tags,
        )
    return pages


def listed_titles(response):
    return sorted(item.title for item in response.context["materials"])


def counts(response, facet_name):
    facet = next(f for f in response.context["facets"] if f.name == facet_name)
    return {option.value: option.count for option in facet.options}


def test_lists_every_live_public_material_with_counts_per_option(client, materials):
    response = client.get("/materiali/")
    assert response.status_code == 200
    assert listed_titles(response) == ["Guida A", "Slide B", "Slide C", "Video D"]
    assert counts(response, "tipo")["slide"] == 2
    assert counts(response, "pubblico") == {"operatori": 2, "formatori": 1, "cittadini": 2, "volontari": 0}
    assert counts(response, "tema")["capacitazione"] == 2
    assert counts(response, "licenza")["cc-by-4.0"] == 2
    assert counts(response, "lingua")["en"] == 1
    assert counts(response, "tag") == {"donne": 2, "tirocini": 2}


def test_filters_by_kind(client, materials):
    assert listed_titles(client.get("/materiali/?tipo=slide")) == ["Slide B", "Slide C"]


def test_filters_by_audience_theme_licence_language_and_tag(client, materials):
    assert listed_titles(client.get("/materiali/?pubblico=cittadini")) == ["Slide C", "Video D"]
    assert listed_titles(client.get("/materiali/?tema=occupazione")) == ["Slide B", "Slide C"]
    assert listed_titles(client.get("/materiali/?licenza=cc-by-sa-4.0")) == ["Slide C"]
    assert listed_titles(client.get("/materiali/?lingua=en")) == ["Slide C"]
    assert listed_titles(client.get("/materiali/?tag=donne")) == ["Slide B", "Video D"]


def test_options_of_one_filter_add_up_and_filters_combine(client, materials):
    response = client.get("/materiali/?tipo=slide&tipo=video&pubblico=cittadini")
    assert listed_titles(response) == ["Slide C", "Video D"]
    # Counts for a filter follow the other active filters.
    assert counts(response, "tipo") == {**{k: 0 for k in counts(response, "tipo")}, "slide": 1, "video": 1}
    assert counts(response, "pubblico")["operatori"] == 1


def test_unknown_filter_values_are_ignored_with_a_message(client, materials):
    response = client.get("/materiali/?tipo=astronave&lingua=it")
    assert response.status_code == 200
    assert listed_titles(response) == ["Guida A", "Slide B", "Video D"]
    assert "Alcuni filtri non sono validi e sono stati ignorati" in response.content.decode()


def test_active_filters_show_as_removable_chips(client, materials):
    html = client.get("/materiali/?tipo=slide&lingua=en").content.decode()
    assert "Togli il filtro Slide" in html
    assert 'href="?lingua=en"' in html


def test_an_empty_result_says_so(client, materials):
    response = client.get("/materiali/?tipo=video&lingua=en")
    assert listed_titles(response) == []
    assert "Nessun materiale corrisponde ai filtri scelti" in response.content.decode()


def test_drafts_and_private_materials_are_not_listed(client, material_builder):
    material_builder("Pubblico")
    material_builder("Bozza", publish=False)
    private = material_builder("Riservato")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/materiali/")
    assert listed_titles(response) == ["Pubblico"]
    html = response.content.decode()
    assert "Bozza" not in html and "Riservato" not in html


def test_pagination_keeps_the_filters(client, material_builder):
    for n in range(14):
        material_builder(f"Scheda {n:02}", kind="scheda-attivita")
    material_builder("Un video", kind="video")
    response = client.get("/materiali/?tipo=scheda-attivita")
    assert response.context["materials"].paginator.count == 14
    html = response.content.decode()
    assert 'href="?tipo=scheda-attivita&amp;pagina=2"' in html
    second = client.get("/materiali/?tipo=scheda-attivita&page=2")
    assert len(second.context["materials"]) == 2


def test_a_page_number_out_of_range_shows_the_last_page(client, material_builder):
    material_builder("Unico")
    for value in ["99", "abc", "-1"]:
        response = client.get(f"/materiali/?page={value}")
        assert response.status_code == 200
        assert listed_titles(response) == ["Unico"]


def test_cards_show_kind_audience_formats_and_licence_before_the_click(client, material_builder):
    audience = Audience.objects.get(slug="formatori")
    material_builder(
        "Scheda con file",
        kind="scheda-attivita",
        audiences=[audience],
        documents=[make_document("pdf"), make_document("odt")],
    )
    html = client.get("/materiali/").content.decode()
    card = re.search(r'<article class="card[^"]*resource-card.*?</article>', html, re.S).group(0)
    assert "Scheda di attività" in card
    assert "Formatori" in card
    assert "PDF, ODT" in card
    assert "CC BY 4.0" in card


def test_the_page_links_its_rss_feed_with_the_active_filters(client, materials):
    html = client.get("/materiali/?tipo=slide").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" href="/materiali/feed/?tipo=slide"' in html


# The whole page: the listing plus what base.html costs (site, menu, breadcrumb, footer).
LISTING_MAX_QUERIES = 30


def _add_materials(material_builder, start, stop):
    themes = list(Theme.objects.all())
    audiences = list(Audience.objects.all())
    document = make_document("pdf")
    for n in range(start, stop):
        material_builder(
            f"Materiale {n}",
            themes=themes[: 1 + n % 3],
            audiences=audiences[: 1 + n % 2],
            tags=[f"tag-{n % 7}"],
            documents=[document],
        )


def test_listing_costs_the_same_queries_with_10_and_100_materials(
    client, material_builder, django_assert_max_num_queries
):
    url = "/materiali/?tema=capacitazione&pubblico=operatori"
    measured = {}
    for start, stop in [(0, 10), (10, 100)]:
        _add_materials(material_builder, start, stop)
        client.get(url)  # warm per-process caches (site root paths)
        with django_assert_max_num_queries(LISTING_MAX_QUERIES) as captured:
            response = client.get(url)
        assert response.status_code == 200
        measured[stop] = len(captured)
    print(f"listing queries: {measured}")
    assert measured[10] == measured[100]


@pytest.mark.parametrize(
    "query",
    ["tipo=%00", "tag=%3Cscript%3E", "lingua=" + "x" * 5000, "tema=%F0%9F%98%80&page=%00", "pubblico&tipo&page=2.5"],
)
def test_odd_query_strings_get_the_listing_never_an_error(client, materials, query):
    response = client.get("/materiali/?" + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
    assert client.get("/materiali/feed/?" + query).status_code == 200
