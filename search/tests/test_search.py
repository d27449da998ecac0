"""Searching through modelsearch's API: whatever is typed gets results, not
an error, and slices behave as on the other backends."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from modelsearch.test.testapp.models import Book

from search.engine.analysis import terms

pytestmark = pytest.mark.django_db

TITLES = ["Tirocini di inclusione", "Città accessibile per tutti", "Perché la rete funziona"]
TRICKY = [
    '"',
    "'",
    "AND OR NOT",
    "*",
    "tiro*",
    "a AND (b OR",
    "title:tirocini",
    "-tirocini",
    "\\",
    "\x00",
    "🙂",
    "\u202e",
    " ",
    "x" * 10_000,
]
ANY_TEXT = st.one_of(st.sampled_from(TRICKY), st.text(max_size=200))
UNACCENT = str.maketrans("àèéìòùÀÈÌÒÙ", "aeeiouAEIOU")
PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def books(whoosh, book):
    return [book(title, summary=f"{title}: testo del libro.") for title in TITLES]


@PROPERTY_SETTINGS
@given(text=ANY_TEXT, operator=st.sampled_from(["and", "or"]))
def test_any_text_gets_results_not_an_error(books, text, operator):
    found = list(Book.objects.search(text, operator=operator))

    assert Book.objects.search(text, operator=operator).count() == len(found)
    assert isinstance(list(Book.objects.autocomplete(text, operator=operator)[:10]), list)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_every_word_of_a_title_finds_its_book_however_it_is_typed(books, data):
    found = data.draw(st.sampled_from(books))
    word = data.draw(st.sampled_from([w for w in found.title.split() if terms(w, "it")]))
    typed = data.draw(st.sampled_from([word, word.upper(), word.lower(), word.translate(UNACCENT)]))

    assert found.pk in [b.pk for b in Book.objects.search(typed)]


@pytest.mark.parametrize("window", [(0, 0), (3, 3), (5, 2), (1, 1)])
def test_an_empty_slice_is_an_empty_list(any_backend, book, window):
    book("Zibaldone a tutti")
    book("Zibaldone ancora")
    start, stop = window
    results = Book.objects.search("zibaldone")

    assert list(results[start:stop]) == []
    assert results[start:stop].count() == 0
    assert list(results.annotate_score("score")[start:stop]) == []
    assert list(Book.objects.order_by("title").search("zibaldone", order_by_relevance=False)[start:stop]) == []


def test_an_empty_slice_asks_whoosh_nothing(whoosh, book, monkeypatch):
    book("Zibaldone a tutti")
    from whoosh.searching import Searcher

    monkeypatch.setattr(Searcher, "search", lambda *a, **k: pytest.fail("Whoosh was asked"))
    assert list(Book.objects.search("zibaldone")[0:0]) == []


def test_a_filter_the_index_cannot_answer_is_left_to_the_database(whoosh, book):
    book("Tirocini brevi", pages=90)
    book("Tirocini lunghi", pages=900)

    found = Book.objects.filter(title__icontains="brevi").search("tirocini")

    assert [b.title for b in found] == ["Tirocini brevi"]
