"""Our backend behind Wagtail's page search: what a visitor would notice."""

import pytest
from django.core.paginator import Paginator
from wagtail.models import Page, PageViewRestriction
from wagtail.search.utils import parse_query_string

from ciao.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def titles(results):
    return [page.title for page in results]


def test_only_live_public_pages_are_found(whoosh, publish):
    publish("Tirocini pubblicati")
    publish("Tirocini in bozza", live=False)
    private = publish("Tirocini riservati")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert titles(Page.objects.live().public().search("tirocini")) == ["Tirocini pubblicati"]


def test_an_unpublished_page_disappears_from_results(whoosh, publish):
    page = publish("Laboratorio di sartoria")
    page.unpublish()

    assert titles(Page.objects.live().search("sartoria")) == []


def test_a_deleted_page_disappears_from_the_index(whoosh, publish):
    page = publish("Laboratorio di sartoria")
    page.delete()

    assert Page.objects.search("sartoria").count() == 0


def test_an_edited_page_is_found_by_its_new_words(whoosh, publish):
    page = publish("Orto condiviso")
    page.title = "Giardino condiviso"
    page.save_revision().publish()

    assert titles(Page.objects.live().search("giardino")) == ["Giardino condiviso"]
    assert titles(Page.objects.live().search("orto")) == []


def test_searching_a_page_type_returns_only_that_type(whoosh, home, publish):
    publish("Comunità di pratica")

    assert [type(p) for p in StandardPage.objects.search("comunità")] == [StandardPage]
    assert HomePage.objects.search("pratica").count() <= 1


def test_specific_pages_come_back_with_their_own_fields(whoosh, publish):
    publish("Bilancio di competenze", intro="Un colloquio per conoscersi")

    [page] = Page.objects.live().specific().search("bilancio")
    assert page.intro == "Un colloquio per conoscersi"


def test_a_title_match_outranks_a_body_match(whoosh, publish):
    publish("Attività estive", body="Si parla anche di tirocini, una volta.")
    publish("Tirocini in azienda", body="Percorsi per giovani.")

    assert titles(Page.objects.live().search("tirocini"))[0] == "Tirocini in azienda"


def test_words_are_found_whatever_their_inflection(whoosh, publish):
    publish("Tirocini per giovani donne")

    # (StandardPage: the home page speaks of "donne e giovani" too.)
    pages = StandardPage.objects.live()
    assert titles(pages.search("tirocinio")) == ["Tirocini per giovani donne"]
    assert titles(pages.search("giovane donna")) == ["Tirocini per giovani donne"]


def test_a_workshop_is_found_in_the_singular_and_the_plural(whoosh, publish):
    publish("Laboratori di sartoria")
    publish("Un laboratorio di cucina")
    pages = StandardPage.objects.live()

    expected = ["Laboratori di sartoria", "Un laboratorio di cucina"]
    assert sorted(titles(pages.search("laboratorio"))) == expected
    assert sorted(titles(pages.search("laboratori"))) == expected


def test_accents_do_not_matter(whoosh, publish):
    publish("Città accessibile", body="Attività per la comunità")
    publish("Perche no")
    pages = StandardPage.objects.live()

    assert titles(pages.search("citta")) == ["Città accessibile"]
    assert titles(pages.search("attivita comunita")) == ["Città accessibile"]
    assert titles(pages.search("CITTÀ")) == ["Città accessibile"]
    # "perché" is a stop word, "no" is not: the accent-free page is still found.
    assert titles(pages.search("Perché no", operator="or")) == ["Perche no"]


def test_stop_words_alone_find_nothing_but_do_not_break_a_query(whoosh, publish):
    publish("La rete delle associazioni")

    assert titles(Page.objects.live().search("della")) == []
    assert titles(Page.objects.live().search("la rete delle")) == ["La rete delle associazioni"]
    # Quotes make Wagtail combine a plain part and a phrase: still nothing.
    _filters, query = parse_query_string('della "la"')
    assert titles(Page.objects.live().search(query)) == []


def test_all_words_are_required_by_default_and_any_with_or(whoosh, publish):
    publish("Corso di cucina")
    publish("Corso di sartoria")

    assert titles(Page.objects.live().search("corso cucina")) == ["Corso di cucina"]
    assert set(titles(Page.objects.live().search("cucina sartoria", operator="or"))) == {
        "Corso di cucina",
        "Corso di sartoria",
    }


def test_quoted_phrases_match_words_in_order(whoosh, publish):
    publish("Progetto personalizzato per ogni persona")
    publish("Personalizzato il progetto")

    _filters, query = parse_query_string('"progetto personalizzato"')
    assert titles(Page.objects.live().search(query)) == ["Progetto personalizzato per ogni persona"]


def test_autocomplete_completes_the_words_being_typed(whoosh, publish):
    publish("Tirocini di inclusione")
    publish("Tutela dei minori")

    assert titles(Page.objects.live().autocomplete("tiroc")) == ["Tirocini di inclusione"]
    assert titles(Page.objects.live().autocomplete("tirocini incl")) == ["Tirocini di inclusione"]
    assert set(titles(Page.objects.live().autocomplete("t"))) >= {
        "Tirocini di inclusione",
        "Tutela dei minori",
    }


def test_search_within_a_section(whoosh, home, publish):
    section = publish("Buone pratiche")
    publish("Orti urbani", parent=section)
    publish("Orti nelle scuole")

    assert titles(Page.objects.live().descendant_of(section).search("orti")) == ["Orti urbani"]


def test_counting_and_pages_of_results(whoosh, publish):
    for n in range(23):
        publish(f"Incontro numero {n}")

    results = Page.objects.live().search("incontro")
    paginator = Paginator(results, 10)
    assert paginator.count == 23
    assert len(paginator.page(3).object_list) == 3
    seen = [p.pk for number in paginator.page_range for p in paginator.page(number)]
    assert len(seen) == len(set(seen)) == 23


def test_ordering_by_a_field_instead_of_relevance(whoosh, publish):
    for title in ["Laboratorio B", "Laboratorio C", "Laboratorio A"]:
        publish(title)

    results = Page.objects.live().order_by("title").search("laboratorio", order_by_relevance=False)
    assert titles(results) == ["Laboratorio A", "Laboratorio B", "Laboratorio C"]


def test_filters_the_index_cannot_express_are_left_to_the_database(whoosh, publish):
    publish("Sportello lavoro Paullo")
    publish("Sportello lavoro Melegnano")

    results = Page.objects.live().filter(title__icontains="paullo").search("sportello")
    assert titles(results) == ["Sportello lavoro Paullo"]


def test_facets_count_page_types(whoosh, home, publish):
    from django.contrib.contenttypes.models import ContentType

    publish("Rete territoriale")
    publish("Rete di servizi")
    standard = ContentType.objects.get_for_model(StandardPage).pk

    counts = StandardPage.objects.live().search("rete").facet("content_type_id")
    assert dict(counts) == {standard: 2}


def test_scores_can_be_annotated(whoosh, publish):
    publish("Mediazione culturale")

    [page] = Page.objects.live().search("mediazione").annotate_score("score")
    assert page.score > 0
