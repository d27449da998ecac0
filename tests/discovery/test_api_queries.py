"""The content API answers a Wagtail API client's typical queries."""

import feedparser
import pytest

from tests.factories.practices import make_practice, practice_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(home):
    index = practice_index(home)
    return index, [
        make_practice(index, title="Tirocini nelle imprese", ambito="corsichese", tags=["tirocini"]),
        make_practice(index, title="Laboratorio di sartoria", ambito="sud-est-milano", tags=["laboratori"]),
    ]


def test_type_all_fields_and_search(client, any_backend, practices):
    response = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "fields": "*", "search": "tirocini"})
    assert response.status_code == 200
    items = response.json()["items"]
    assert [i["title"] for i in items] == ["Tirocini nelle imprese"]
    item = items[0]
    assert item["meta"]["type"] == "practices.PracticePage"
    assert item["summary"]
    assert item["ambito"]["name"] == "Corsichese"


def test_filter_by_ambito_slug_and_tag(client, practices):
    by_ambito = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "ambito": "corsichese"}).json()
    assert [i["title"] for i in by_ambito["items"]] == ["Tirocini nelle imprese"]
    by_tag = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "tags": "laboratori"}).json()
    assert [i["title"] for i in by_tag["items"]] == ["Laboratorio di sartoria"]


def test_the_practices_feed_is_valid_rss(client, practices):
    index, _ = practices
    feed = feedparser.parse(client.get(index.url + "feed/").content)
    assert not feed.bozo, feed.bozo_exception
    assert {e.title for e in feed.entries} == {"Tirocini nelle imprese", "Laboratorio di sartoria"}
    filtered = feedparser.parse(client.get(index.url + "feed/", {"ambito": "corsichese"}).content)
    assert [e.title for e in filtered.entries] == ["Tirocini nelle imprese"]


# Odd parameters: a 400 that says what is wrong, or an empty list; never a 500.

ODD_PARAMETERS = [
    {"offset": "99999999999999999999"},
    {"offset": "9223372036854775808"},
    {"offset": "-1"},
    {"offset": "abc"},
    {"offset": "1e3"},
    {"limit": "0"},
    {"limit": "-1"},
    {"limit": "abc"},
    {"limit": "99999999999999999999"},
    {"limit": "0", "offset": "100000"},
    {"search": "tirocini", "limit": "0"},
    {"search": "tirocini", "offset": "99999999999999999999"},
    {"search": "tirocini", "offset": "100000", "limit": "100"},
    {"search": "tirocini", "search_operator": "garbage"},
    {"search": '"tirocini'},
    {"search": "\x00"},
    {"search": "x" * 5000},
    {"fields": "garbage"},
    {"fields": "*,-garbage"},
    {"fields": "(((("},
    {"fields": "title(garbage)"},
    {"order": "garbage"},
    {"order": "random", "offset": "1"},
    {"order": "title", "search": "tirocini"},
    {"type": "garbage"},
    {"type": "garbage.Garbage"},
    {"child_of": "abc"},
    {"child_of": "99999999999999999999"},
    {"descendant_of": "abc"},
    {"id": "abc"},
    {"id": "99999999999999999999"},
    {"ambito": "non-esiste"},
    {"ambito": "99999999999999999999"},
    {"garbage": "x"},
]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_odd_parameters_get_a_400_or_an_empty_list_never_a_500(client, practices, endpoint):
    client.raise_request_exception = False  # a 500 is reported with the others, not raised
    wrong = []
    for params in ODD_PARAMETERS:
        response = client.get(f"/api/v2/{endpoint}/", params)
        if response.status_code == 400:
            ok = bool(response.json()["message"])
        else:
            ok = response.status_code == 200 and isinstance(response.json()["items"], list)
        if not ok:
            wrong.append((params, response.status_code, response.content[:200]))
    assert not wrong


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_paging_parameters_out_of_range_are_explained_in_italian(client, practices, endpoint):
    for name, value in [
        ("offset", "99999999999999999999"),
        ("offset", "-1"),
        ("offset", "abc"),
        ("limit", "-1"),
        ("limit", "1000"),
        ("limit", "abc"),
    ]:
        response = client.get(f"/api/v2/{endpoint}/", {name: value})
        assert response.status_code == 400
        maximum = "100.000" if name == "offset" else "100"
        assert response.json()["message"] == f"Il parametro «{name}» dev'essere un numero intero da 0 a {maximum}."


def test_a_limit_of_zero_is_an_empty_list_with_the_total(client, any_backend, practices):
    data = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "search": "tirocini", "limit": 0}).json()
    assert data["items"] == [] and data["meta"]["total_count"] == 1
    data = client.get("/api/v2/pages/", {"type": "practices.PracticePage", "offset": 100000}).json()
    assert data["items"] == [] and data["meta"]["total_count"] == 2


def test_an_unknown_search_operator_is_explained_in_italian(client, practices):
    response = client.get("/api/v2/pages/", {"search": "tirocini", "search_operator": "xor"})
    assert response.status_code == 400
    assert response.json()["message"] == "Il parametro «search_operator» può valere solo «and» oppure «or»."
