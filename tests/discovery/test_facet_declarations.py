"""Which facets a page type has, and whether /cerca/ shows it, is what the page model declares.

Discovery never guesses from field names (``search_facet_lookups``,
``show_in_site_search``: see discovery/__init__.py).
"""

import pytest
from django.core import checks

from ciao.models import HomePage, StandardPage
from discovery.checks import check_search_facet_lookups
from discovery.facets import facet_lookups
from discovery.pages import searchable_page_types
from practices.models import PracticeIndexPage, PracticePage
from tests.factories.practices import make_practice, practice_index

# What each page type had before the declarations replaced the guessing; it must not change.
FACETS_OF = {
    "ciao.HomePage": {},
    "ciao.StandardPage": {},
    "ciao.DossierIndexPage": {},
    "ciao.DossierPage": {"tema": "theme__slug"},
    "practices.PracticeIndexPage": {},
    "practices.PracticePage": {
        "ambito": "ambito__slug",
        "tema": "themes__slug",
        "destinatari": "target_groups__slug",
        "tag": "tags__slug",
    },
    "practices.InterventionModelPage": {},
    "resources.ResourceIndexPage": {},
    "resources.ResourcePage": {"tema": "themes__slug", "tag": "tags__slug"},
    "events.EventIndexPage": {},
    "events.EventPage": {
        "ambito": "ambito__slug",
        "tema": "themes__slug",
        "destinatari": "audience__slug",
        "tag": "tags__slug",
    },
}
NOT_IN_SITE_SEARCH = {
    "ciao.HomePage",
    "ciao.DossierIndexPage",
    "practices.PracticeIndexPage",
    "resources.ResourceIndexPage",
    "events.EventIndexPage",
}


def test_every_page_type_has_the_facets_it_declares():
    from wagtail.models import get_page_models

    declared = {m._meta.label: facet_lookups(m) for m in get_page_models() if m._meta.label in FACETS_OF}
    assert declared == FACETS_OF


def test_home_and_index_pages_are_left_out_of_the_site_search_by_their_declaration(monkeypatch):
    labels = {m._meta.label for m in searchable_page_types()}
    assert labels >= set(FACETS_OF) - NOT_IN_SITE_SEARCH
    assert not labels & NOT_IN_SITE_SEARCH
    monkeypatch.delattr(PracticeIndexPage, "show_in_site_search")
    monkeypatch.setattr(HomePage, "show_in_site_search", True)
    assert {PracticeIndexPage, HomePage} <= set(searchable_page_types())


def test_a_page_type_without_a_declaration_gets_no_facets_whatever_its_fields(monkeypatch):
    assert facet_lookups(StandardPage) == {}
    monkeypatch.delattr(PracticePage, "search_facet_lookups")
    # PracticePage still has its ambito, themes, target groups and tags fields.
    assert facet_lookups(PracticePage) == {}


@pytest.mark.django_db
def test_the_search_page_facets_come_from_the_declarations(client, home, monkeypatch):
    index = practice_index(home)
    make_practice(index, title="Tirocini in Comune", tags=("tirocini",))
    params = {"tipo": "practices.practicepage"}

    def facets():
        return {f.name for f in client.get("/cerca/", params).context["facets"]}

    assert facets() == {"tipo", "ambito", "tema", "destinatari", "tag", "anno"}
    monkeypatch.setattr(PracticePage, "search_facet_lookups", {"tema": "themes__slug"})
    assert facets() == {"tipo", "tema", "anno"}
    monkeypatch.delattr(PracticePage, "search_facet_lookups")
    assert facets() == {"tipo", "anno"}


def test_the_declarations_pass_the_system_check():
    assert check_search_facet_lookups() == []


def test_the_system_check_names_a_wrong_declaration(monkeypatch):
    monkeypatch.setattr(StandardPage, "search_facet_lookups", {"comune": "title"}, raising=False)
    monkeypatch.setattr(PracticePage, "search_facet_lookups", {"ambito": "comuni__slug", "tema": "themes__nome"})
    errors = check_search_facet_lookups()
    assert all(isinstance(e, checks.Error) for e in errors)
    assert sorted((e.obj.__name__, e.id) for e in errors) == [
        ("PracticePage", "discovery.E002"),
        ("PracticePage", "discovery.E002"),
        ("StandardPage", "discovery.E001"),
    ]
