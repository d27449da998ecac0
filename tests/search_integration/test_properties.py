"""Property tests: whatever a visitor types, search answers without error, and
every word of a page finds it however it is typed."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from ciao.models import StandardPage
from search.engine.analysis import terms

pytestmark = pytest.mark.django_db

TITLES = [
    "Tirocini di inclusione",
    "Città accessibile per tutti",
    "Corso di cucina per giovani",
    "Perché la rete funziona",
    "Attività educative nel quartiere",
]
TRICKY = [
    '"',
    '"tirocini',
    'tirocini"',
    "'",
    "AND",
    "OR",
    "NOT",
    "AND OR NOT",
    "*",
    "tiro*",
    "(",
    ")",
    "a AND (b OR",
    "title:tirocini",
    "-tirocini",
    "+",
    "\\",
    "\x00",
    "tirocini\x00",
    "🙂",
    "👩‍👩‍👧",
    "\u202e",
    "\ufeff",
    " ",
    "x" * 10_000,
    "tirocini " * 2_000,
]
ANY_TEXT = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.lists(st.sampled_from(["tirocini", "città", "e", "il", '"', "OR", "*"]), max_size=12).map(" ".join),
)
UNACCENT = str.maketrans("àèéìòùÀÈÌÒÙ", "aeeiouAEIOU")
PROPERTY_SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def pages(whoosh, publish):
    return [publish(title, body=f"{title}: testo della pagina.") for title in TITLES]


@PROPERTY_SETTINGS
@given(text=ANY_TEXT, operator=st.sampled_from(["and", "or"]))
def test_any_text_gets_results_not_an_error(pages, text, operator):
    visible = Page.objects.live().public()

    found = list(visible.search(text, operator=operator))
    counted = visible.search(text, operator=operator).count()
    completed = list(visible.autocomplete(text, operator=operator)[:10])

    assert counted == len(found)
    assert all(page.live for page in found + completed)


@PROPERTY_SETTINGS
@given(data=st.data())
def test_every_word_of_a_title_finds_its_page_however_it_is_typed(pages, data):
    page = data.draw(st.sampled_from(pages))
    word = data.draw(st.sampled_from([w for w in page.title.split() if terms(w, "it")]))
    typed = data.draw(st.sampled_from([word, word.upper(), word.lower(), word.translate(UNACCENT)]))

    assert page.pk in [p.pk for p in StandardPage.objects.live().search(typed)]


@PROPERTY_SETTINGS
@given(data=st.data())
def test_the_start_of_any_title_word_completes_to_its_page(pages, data):
    page = data.draw(st.sampled_from(pages))
    word = data.draw(st.sampled_from(page.title.split()))
    prefix = word[: data.draw(st.integers(1, len(word)))]

    assert page.pk in [p.pk for p in StandardPage.objects.live().autocomplete(prefix)]
