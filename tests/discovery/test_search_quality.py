"""What /cerca/ finds on the demo site: words, not their look-alikes; synonyms; typos."""

import pytest
from modelsearch.query import Phrase

from discovery.models import SearchSynonym
from discovery.pages import visible_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_search(client, demo_site, db, settings):
    settings.SEARCH_RATE_PER_MINUTE = 0

    def search(query, **params):
        response = client.get("/cerca/", {"q": query, **params})
        assert response.status_code == 200
        return response

    return search


def titles(response):
    return [r["page"].title for r in response.context["results"]]


def all_titles(site_search, query):
    found, number = [], 1
    while True:
        response = site_search(query, pagina=number)
        found += titles(response)
        if not response.context["results_page"].has_next():
            return found
        number += 1


def test_comunita_finds_pages_about_community_not_about_comuni(site_search):
    found = titles(site_search("comunità"))
    assert "comunità" in found[0].lower()
    assert "Sportello lavoro itinerante nei comuni piccoli" not in found[:5]


def test_casa_finds_the_page_about_housing_first(site_search):
    found = titles(site_search("casa"))
    assert "casa" in found[0].lower()


def test_attivita_does_not_match_attivazione(site_search):
    found = titles(site_search("attività"))
    assert "attività" in found[0].lower()
    everything = site_search("", tipo="practices.practicepage").context["total"]
    # Every practice has the theme "Attivazione della comunità" or a sibling: a stemmer
    # that joined the two words would find most of them.
    assert len(all_titles(site_search, "attività")) < everything


def test_full_matches_come_before_partial_ones(site_search):
    found = titles(site_search("tirocinio Melegnano"))
    both = titles(site_search("tirocinio Melegnano", esatta=1))
    assert found == both
    full = set(all_titles(site_search, "tirocinio")) & set(all_titles(site_search, "Melegnano"))
    assert full, "the demo has practices with both words"
    assert set(found[: len(full)]) == full


@pytest.mark.parametrize(
    ("abbreviation", "subject"),
    [("cv", "curriculum"), ("L2", "lingua italiana"), ("NEET", "giovani che non studiano e non lavorano")],
)
def test_an_abbreviation_finds_every_page_on_its_subject(site_search, abbreviation, subject):
    on_subject = {page.title for page in visible_pages(None).search(Phrase(subject))}
    assert on_subject
    assert on_subject <= set(all_titles(site_search, abbreviation))


def test_a_synonym_added_in_the_admin_counts_at_once(site_search):
    assert not titles(site_search("orticoltura"))
    SearchSynonym.objects.create(terms="orticoltura", also="orto")
    assert titles(site_search("orticoltura")) == titles(site_search("orto"))


def test_a_one_letter_typo_shows_the_corrected_results(site_search):
    response = site_search("tirocnio")
    assert response.context["corrected_query"] == "tirocinio"
    assert titles(response) == titles(site_search("tirocinio"))
    html = response.content.decode()
    assert "Risultati per «tirocinio»." in html
    assert "Cerca invece «tirocnio»" in html and "esatta=1" in html
    assert response.context["query"] == "tirocnio"  # what was typed stays in the box


def test_cerca_invece_searches_the_words_as_typed(site_search):
    response = site_search("tirocnio", esatta=1)
    assert "corrected_query" not in response.context
    assert titles(response) == []
    assert response.context["did_you_mean"] == "tirocinio"


def test_excerpts_are_sentences_not_lists_of_labels(site_search):
    for result in site_search("tirocini").context["results"]:
        excerpt = result["excerpt"]
        assert " · " not in excerpt, excerpt
