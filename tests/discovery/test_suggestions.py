import pytest
from wagtail.models import PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import StandardPage
from discovery.query import clean_query, looks_personal

pytestmark = pytest.mark.django_db


def suggestions(client, q):
    response = client.get("/cerca/suggerimenti/", {"q": q})
    assert response.status_code == 200
    return [s["title"] for s in response.json()["suggestions"]]


def test_suggestions_complete_titles_of_visible_pages_only(client, home):
    ensure_child(home, StandardPage, title="Tirocini di inclusione")
    ensure_child(home, StandardPage, title="Tirocini in bozza", publish=False)
    private = ensure_child(home, StandardPage, title="Tirocini riservati")[0]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert suggestions(client, "tiroc") == ["Tirocini di inclusione"]


@pytest.mark.parametrize("q", ['"', "a", "\x00tiro", "x" * 10_000, "🙂🙂", "AND", "*"])
def test_any_text_gets_a_json_answer(client, home, q):
    suggestions(client, q)


def test_queries_are_cleaned_and_capped():
    assert clean_query("  tiro\x00cini  \n") == ("tiro cini", False)
    query, truncated = clean_query("a" * 300)
    assert len(query) == 200 and truncated


def test_personal_data_is_recognised():
    assert looks_personal("mario.rossi@example.org")
    assert looks_personal("chiamami al 333 123 4567")
    assert looks_personal("RSSMRA80A01F205X")
    assert not looks_personal("tirocini 2024 a Rozzano")
