"""search.extras on the Whoosh backend, and on modelsearch's database backend
where they must return empty values instead of failing."""

import pytest
from modelsearch.test.testapp.models import Book

from search import extras

pytestmark = pytest.mark.django_db


def test_highlight_marks_the_matching_words_in_an_escaped_excerpt(any_backend, book):
    found = book("Orari dello sportello", summary="Lo sportello <b>aperto</b> il lunedì accoglie chi cerca tirocini.")

    excerpt = extras.highlight(found, "tirocinio")

    if any_backend == "database":
        assert excerpt == ""
    else:
        assert "<mark>tirocini</mark>" in excerpt
        assert "<b>" not in excerpt and "&lt;b&gt;" in excerpt


def test_highlight_falls_back_on_the_title_when_only_the_title_matches(whoosh, book):
    found = book("Tirocini estivi", summary="Informazioni utili per l'estate.")

    assert extras.highlight(found, "tirocini") == "<mark>Tirocini</mark> estivi"


def test_highlight_draws_from_the_fields_asked_for(whoosh, book):
    found = book("Tirocini estivi", summary="Tirocini in azienda.")

    assert extras.highlight(found, "tirocini", fields=["title"]) == "<mark>Tirocini</mark> estivi"


def test_facet_counts_for_several_fields_at_once(any_backend, book):
    book("Rete territoriale", pages=100)
    book("Rete di servizi", pages=100)
    book("Rete di quartiere", pages=300)

    counts = extras.facet_counts(Book.objects.search("rete"), ["number_of_pages", "title"])

    if any_backend == "database":
        assert counts == {}
    else:
        assert dict(counts["number_of_pages"]) == {100: 2, 300: 1}
        assert sum(counts["title"].values()) == 3


def test_spelling_suggestion_offers_a_real_word(any_backend, book):
    book("Tirocini di inclusione", summary="Percorsi di formazione per giovani.")

    suggestion = extras.spelling_suggestion("tirocinni formazzione", Book.objects.all())

    assert suggestion == (None if any_backend == "database" else "tirocini formazione")


def test_a_spelling_suggestion_prefers_the_word_that_starts_alike(whoosh, book):
    # "storia" is as close to "satoria" (one letter less) and more common.
    for n in range(3):
        book(f"Storia del quartiere {n}", summary="Una storia.")
    book("Laboratorio di sartoria")

    assert extras.spelling_suggestion("satoria", Book.objects.all()) == "sartoria"


def test_a_spelling_suggestion_counts_two_swapped_letters_as_one_typo(whoosh, book):
    for n in range(3):
        book(f"La stanza {n}", summary="Una stanza.")
    book("Educativa di strada")

    assert extras.spelling_suggestion("starda", Book.objects.all()) == "strada"


def test_a_spelling_suggestion_never_offers_a_word_the_queryset_leaves_out(whoosh, book):
    book("Tirocini di inclusione", pages=100)
    book("Bozza riservata", summary="Il progetto zefirantina parte a marzo.", pages=999)
    visible = Book.objects.exclude(number_of_pages=999)

    assert extras.spelling_suggestion("zefirentina", visible) is None
    assert extras.spelling_suggestion("zefirentina", Book.objects.all()) == "zefirantina"


def test_more_like_this_finds_books_on_the_same_subject(any_backend, book):
    found = book("Orti urbani", summary="Coltivare ortaggi negli orti condivisi del quartiere.")
    book("Orti nelle scuole", summary="Gli studenti coltivano ortaggi nell'orto della scuola.")
    book("Corso di cucina", summary="Ricette semplici e veloci.")

    similar = extras.more_like_this(found, Book.objects.all())

    assert [b.title for b in similar] == ([] if any_backend == "database" else ["Orti nelle scuole"])


def test_spelling_suggestion_and_more_like_this_need_to_be_told_where_to_look(whoosh, book):
    found = book("Orti urbani")

    with pytest.raises(TypeError):
        extras.spelling_suggestion("orti")
    with pytest.raises(TypeError):
        extras.more_like_this(found)


@pytest.mark.parametrize("query", ["", '"', "\x00", "🙂", "x" * 10_000, "AND OR NOT *"])
def test_extras_never_raise(any_backend, book, query):
    found = book("Libro qualsiasi", summary="Testo qualsiasi.")
    results = Book.objects.search(query) if query.strip() else Book.objects.none()

    assert isinstance(extras.highlight(found, query), str)
    assert isinstance(extras.facet_counts(results, ["number_of_pages"]), dict)
    suggestion = extras.spelling_suggestion(query, Book.objects.all())
    assert suggestion is None or isinstance(suggestion, str)
    assert isinstance(extras.more_like_this(found, Book.objects.all()), list)


def test_extras_on_a_misconfigured_backend_are_empty(settings, book):
    settings.MODELSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}  # no PATH
    found = Book(pk=1, title="Libro")

    assert extras.highlight(found, "libro") == ""
    assert extras.spelling_suggestion("libro", Book.objects.all()) is None
    assert extras.more_like_this(found, Book.objects.all()) == []
