"""/cerca/ keeps a query's ranking and facet counts, and never shows what it kept once it is stale or not theirs.

Publishing, unpublishing and restrictions change the page cache's generation
when their transaction commits: here ``django_capture_on_commit_callbacks``
runs those callbacks, as a real commit would.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import Ambito, StandardPage
from ciao.roles import OPERATORI, REDAZIONE
from discovery.models import SearchSynonym
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def search_cache(cache_turned_on):
    return cache_turned_on("SEARCH_CACHE_SECONDS", 300, "search")


@pytest.fixture
def practices(home, django_capture_on_commit_callbacks):
    index = ensure_child(home, PracticeIndexPage, title="Buone pratiche")[0]
    ambito = Ambito.objects.get(slug="corsichese")
    with django_capture_on_commit_callbacks(execute=True):
        for title in ("Tirocini in Comune", "Tirocini con le imprese"):
            ensure_child(index, PracticePage, title=title, summary=f"{title}: una pratica.", ambito=ambito)
    return index


def titles(client, params):
    response = client.get("/cerca/", params)
    assert response.status_code == 200
    return {r["page"].title for r in response.context["results"]}


def shown(client, params):
    response = client.get("/cerca/", params)
    assert response.status_code == 200
    return [(r["page"].title, str(r["excerpt"])) for r in response.context["results"]]


def test_the_same_search_again_is_answered_from_what_was_kept(client, practices):
    params = {"q": "tirocini"}
    with CaptureQueriesContext(connection) as first:
        found = shown(client, params)
    with CaptureQueriesContext(connection) as again:
        assert shown(client, params) == found
    assert {title for title, _excerpt in found} == {"Tirocini in Comune", "Tirocini con le imprese"}
    assert all("<mark>Tirocini</mark>" in excerpt for _title, excerpt in found), found
    # The ranking, the visibility check, freshness, the facet counts and what the excerpts read are not asked again.
    assert len(again) <= len(first) - 10, (len(first), len(again))
    # Every request still counts for the redazione's search reports.
    assert Query.objects.get(query_string="tirocini").hits == 2


def test_a_published_page_is_found_at_once(client, practices, django_capture_on_commit_callbacks):
    assert "Tirocini in biblioteca" not in titles(client, {"q": "tirocini"})
    with django_capture_on_commit_callbacks(execute=True):
        ensure_child(
            practices, PracticePage, title="Tirocini in biblioteca", summary="-", ambito=Ambito.objects.first()
        )
    assert "Tirocini in biblioteca" in titles(client, {"q": "tirocini"})


def test_an_unpublished_page_is_gone_at_once(client, practices, django_capture_on_commit_callbacks):
    assert "Tirocini in Comune" in titles(client, {"q": "tirocini"})
    with django_capture_on_commit_callbacks(execute=True):
        PracticePage.objects.get(title="Tirocini in Comune").unpublish()
    assert titles(client, {"q": "tirocini"}) == {"Tirocini con le imprese"}


def test_a_page_made_private_leaves_the_public_results_at_once(client, practices, django_capture_on_commit_callbacks):
    assert "Tirocini in Comune" in titles(client, {"q": "tirocini"})
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=PracticePage.objects.get(title="Tirocini in Comune"), restriction_type=PageViewRestriction.LOGIN
        )
    assert titles(client, {"q": "tirocini"}) == {"Tirocini con le imprese"}


def test_what_a_member_found_is_never_shown_to_others(client, home, practices, make_user):
    reserved = ensure_child(home, StandardPage, title="Tirocini della redazione", intro="tirocini")[0]
    restriction = PageViewRestriction.objects.create(page=reserved, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([_group(REDAZIONE)])

    client.force_login(make_user(REDAZIONE))
    assert "Tirocini della redazione" in titles(client, {"q": "tirocini"})
    client.force_login(make_user(OPERATORI))
    assert "Tirocini della redazione" not in titles(client, {"q": "tirocini"})
    client.logout()
    assert "Tirocini della redazione" not in titles(client, {"q": "tirocini"})
    # And the other way round: what the public was given does not hide the member's pages.
    client.force_login(make_user(REDAZIONE))
    assert "Tirocini della redazione" in titles(client, {"q": "tirocini"})


def _group(name):
    from django.contrib.auth.models import Group

    return Group.objects.get(name=name)


def test_a_new_synonym_counts_at_once(client, practices):
    assert titles(client, {"q": "stage"}) == set()
    SearchSynonym.objects.create(terms="stage", also="tirocini")
    assert titles(client, {"q": "stage"}) == {"Tirocini in Comune", "Tirocini con le imprese"}


def test_each_facet_selection_gets_its_own_counts(client, practices, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ensure_child(home, StandardPage, title="Tirocini: chi può farli", intro="Regole dei tirocini.")
    everything = titles(client, {"q": "tirocini"})
    only_practices = titles(client, {"q": "tirocini", "tipo": "practices.practicepage"})
    assert everything == {"Tirocini in Comune", "Tirocini con le imprese", "Tirocini: chi può farli"}
    assert only_practices == {"Tirocini in Comune", "Tirocini con le imprese"}
    assert titles(client, {"q": "tirocini"}) == everything


def test_nothing_is_kept_when_switched_off(client, practices, settings, search_cache):
    settings.SEARCH_CACHE_SECONDS = 0
    titles(client, {"q": "tirocini"})
    assert not search_cache._cache
