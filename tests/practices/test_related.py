"""«Pratiche simili in altri ambiti»: other territories only, never itself, never hidden pages."""

import pytest
from django.core.cache import cache

from practices.related import GENERATION_KEY, RELATED_LIMIT, related_in_other_ambiti
from tests.factories.practices import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_more_like_this(monkeypatch):
    """The fallback on themes and tags, as on a search backend without more-like-this (tests may patch one in)."""
    monkeypatch.setattr("practices.related.more_like_this", lambda page, queryset, limit: [])


@pytest.fixture
def practice(index):
    return make_practice(
        index,
        title="Tirocini a Melegnano",
        ambito="sud-est-milano",
        themes=["occupazione"],
        tags=["tirocini", "imprese"],
    )


def titles(pages):
    return [p.title for p in pages]


def test_never_the_practice_itself_nor_its_own_ambito(index, practice):
    for n in range(3):
        make_practice(
            index,
            title=f"Stesso ambito {n}",
            ambito="sud-est-milano",
            themes=["occupazione"],
            tags=["tirocini", "imprese"],
        )
    make_practice(index, title="Altro ambito", ambito="corsichese", themes=["occupazione"])
    related = related_in_other_ambiti(practice)
    assert titles(related) == ["Altro ambito"]
    assert all(p.ambito_id != practice.ambito_id and p.pk != practice.pk for p in related)


def test_drafts_and_private_practices_are_never_suggested(index, practice):
    make_practice(index, title="Bozza", ambito="corsichese", themes=["occupazione"], tags=["tirocini"], publish=False)
    make_practice(index, title="Riservata", ambito="paullese", themes=["occupazione"], tags=["tirocini"], private=True)
    make_practice(index, title="Pubblica", ambito="paullese", themes=["occupazione"])
    assert titles(related_in_other_ambiti(practice)) == ["Pubblica"]


def test_shared_tags_weigh_more_than_shared_themes_and_at_most_four_are_shown(index, practice):
    make_practice(index, title="Solo tema", ambito="corsichese", themes=["occupazione"], tags=[])
    make_practice(index, title="Due etichette", ambito="paullese", themes=["inclusione"], tags=["tirocini", "imprese"])
    make_practice(
        index, title="Tema ed etichetta", ambito="visconteo-sud-milano", themes=["occupazione"], tags=["tirocini"]
    )
    make_practice(index, title="Niente in comune", ambito="corsichese", themes=["attivazione"], tags=["orti"])
    for n in range(3):
        make_practice(index, title=f"Altro tema {n}", ambito="corsichese", themes=["occupazione"])
    related = related_in_other_ambiti(practice)
    assert len(related) == RELATED_LIMIT
    assert titles(related)[:2] == ["Due etichette", "Tema ed etichetta"]
    assert "Niente in comune" not in titles(related)


def test_a_practice_without_tags_gets_those_sharing_its_themes(index):
    untagged = make_practice(index, title="Senza etichette", ambito="sud-est-milano", themes=["occupazione"])
    make_practice(index, title="Stesso tema", ambito="corsichese", themes=["occupazione"], tags=["orti"])
    make_practice(index, title="Altro tema", ambito="paullese", themes=["attivazione"])
    assert titles(related_in_other_ambiti(untagged)) == ["Stesso tema"]


def test_more_like_this_from_search_comes_first_and_is_kept_to_other_ambiti(index, practice, monkeypatch):
    near = make_practice(index, title="Simile per testo", ambito="paullese", themes=["attivazione"])
    same_ambito = make_practice(index, title="Stesso ambito", ambito="sud-est-milano", themes=["occupazione"])
    by_theme = make_practice(index, title="Stesso tema", ambito="corsichese", themes=["occupazione"])
    draft = make_practice(index, title="Bozza", ambito="corsichese", publish=False)
    calls = []

    def more_like_this(page, queryset=None, limit=10):
        calls.append((page.pk, limit))
        return [same_ambito, page, draft, near]

    monkeypatch.setattr("practices.related.more_like_this", more_like_this)
    related = related_in_other_ambiti(practice)
    assert calls == [(practice.pk, RELATED_LIMIT * 3)]
    assert titles(related) == ["Simile per testo", "Stesso tema"]
    assert by_theme in related


def test_without_an_index_they_come_from_themes_and_tags(index, practice, settings, tmp_path):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "PATH": str(tmp_path / "missing")}}
    make_practice(index, title="Stesso tema", ambito="corsichese", themes=["occupazione"])

    assert titles(related_in_other_ambiti(practice)) == ["Stesso tema"]


def test_the_choice_is_kept_until_a_page_is_published(index, practice, django_assert_max_num_queries):
    make_practice(index, title="Stesso tema", ambito="corsichese", themes=["occupazione"])
    assert titles(related_in_other_ambiti(practice)) == ["Stesso tema"]

    with django_assert_max_num_queries(3):  # view restrictions, the practices shown, their themes
        assert titles(related_in_other_ambiti(practice)) == ["Stesso tema"]

    make_practice(index, title="Due etichette", ambito="paullese", themes=["inclusione"], tags=["tirocini"])
    assert titles(related_in_other_ambiti(practice)) == ["Due etichette", "Stesso tema"]


def test_a_publish_in_another_worker_is_seen_once_it_commits(index, practice, django_capture_on_commit_callbacks):
    make_practice(index, title="Stesso tema", ambito="corsichese", themes=["occupazione"])
    assert titles(related_in_other_ambiti(practice)) == ["Stesso tema"]
    own = cache.get(GENERATION_KEY)
    with django_capture_on_commit_callbacks(execute=True):
        make_practice(index, title="Due etichette", ambito="paullese", themes=["inclusione"], tags=["tirocini"])
    # Without Redis, this worker's memory never saw the other worker's signals.
    cache.set(GENERATION_KEY, own, None)
    assert titles(related_in_other_ambiti(practice)) == ["Due etichette", "Stesso tema"]


def test_the_practice_page_shows_them_under_their_heading(client, index, practice):
    make_practice(index, title="Tirocini nel Corsichese", ambito="corsichese", themes=["occupazione"])
    html = client.get(practice.url).content.decode()
    assert "Pratiche simili in altri ambiti" in html
    assert html.index("Tirocini nel Corsichese") > html.index("Pratiche simili in altri ambiti")


def test_no_heading_when_nothing_is_similar(client, index, practice):
    assert "Pratiche simili in altri ambiti" not in client.get(practice.url).content.decode()
