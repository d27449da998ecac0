"""The practice listing: every filter combination counts what the database holds; drafts never count."""

import datetime
import itertools

import pytest
from django.http import QueryDict

from ciao.models import Comune
from practices.listing import practice_facets, practice_listing
from practices.models import PracticePage
from tests.factories.practices import make_practice

pytestmark = pytest.mark.django_db

FACETS = ["ambito", "comune", "tema", "destinatari", "stato", "tag"]
# Values to try for each facet: one, then two (OR within a facet).
ONE_VALUE = {
    "ambito": ["sud-est-milano"],
    "comune": ["melegnano"],
    "tema": ["occupazione"],
    "destinatari": ["giovani"],
    "stato": ["conclusa"],
    "tag": ["tirocini"],
}
TWO_VALUES = {
    "ambito": ["sud-est-milano", "corsichese"],
    "comune": ["melegnano", "corsico"],
    "tema": ["occupazione", "inclusione"],
    "destinatari": ["giovani", "donne"],
    "stato": ["conclusa", "in-corso"],
    "tag": ["tirocini", "laboratori"],
}


@pytest.fixture
def practices(index):
    """A dozen live practices that differ on every facet, plus a draft and a private one."""
    specs = [
        # ambito, comuni, themes, targets, tags, ended
        ("sud-est-milano", ["melegnano"], ["occupazione"], ["giovani"], ["tirocini"], True),
        ("sud-est-milano", ["melegnano", "carpiano"], ["occupazione", "inclusione"], ["donne"], ["laboratori"], False),
        ("sud-est-milano", ["carpiano"], ["capacitazione"], ["giovani", "donne"], ["tirocini", "laboratori"], False),
        ("sud-est-milano", ["melegnano"], ["inclusione"], ["famiglie"], [], True),
        ("corsichese", ["corsico"], ["occupazione"], ["giovani"], ["tirocini"], False),
        ("corsichese", ["corsico", "assago"], ["attivazione"], ["donne"], ["laboratori"], True),
        ("corsichese", ["assago"], ["occupazione", "capacitazione"], ["imprese"], ["tirocini"], False),
        ("visconteo-sud-milano", ["rozzano"], ["inclusione"], ["giovani"], ["laboratori"], False),
        ("visconteo-sud-milano", ["opera"], ["occupazione"], ["donne", "giovani"], ["tirocini"], True),
        ("visconteo-sud-milano", ["rozzano"], ["attivazione", "inclusione"], ["comunita-locale"], [], False),
        ("paullese", ["paullo"], ["capacitazione"], ["famiglie"], ["laboratori"], True),
        ("paullese", ["paullo"], ["inclusione", "occupazione"], ["giovani"], ["tirocini", "laboratori"], False),
    ]
    pages = []
    for ambito, comuni, themes, targets, tags, ended in specs:
        pages.append(
            make_practice(
                index,
                ambito=ambito,
                comuni=list(Comune.objects.filter(slug__in=comuni)),
                themes=themes,
                targets=targets,
                tags=tags,
                end_date=datetime.date(2022, 6, 30) if ended else None,
            )
        )
    # Hidden ones share every popular value, so a leak would show in any count.
    hidden = dict(
        ambito="sud-est-milano",
        comuni=list(Comune.objects.filter(slug="melegnano")),
        themes=["occupazione"],
        targets=["giovani"],
        tags=["tirocini", "segreta"],
    )
    make_practice(index, title="Bozza nascosta", publish=False, **hidden)
    make_practice(index, title="Pratica riservata", private=True, **hidden)
    return pages


def facet_values(page):
    """What each facet sees of one practice, read straight from the database."""
    return {
        "ambito": {page.ambito.slug},
        "comune": set(page.comuni.values_list("slug", flat=True)),
        "tema": set(page.themes.values_list("slug", flat=True)),
        "destinatari": set(page.target_groups.values_list("slug", flat=True)),
        "stato": {page.status},
        "tag": set(page.tags.values_list("slug", flat=True)),
    }


def expected(rows, selection, skip=None):
    """Brute force: rows matching every selected facet but ``skip`` (OR within a facet)."""
    return [row for row in rows if all(row[name] & set(values) for name, values in selection.items() if name != skip)]


def querydict(selection):
    query = QueryDict(mutable=True)
    for name, values in selection.items():
        query.setlist(name, values)
    return query


def test_every_filter_combination_lists_and_counts_what_the_database_holds(index, practices):
    visible = PracticePage.objects.live().public().descendant_of(index)
    rows = [dict(facet_values(p), pk={p.pk}) for p in visible]
    assert len(rows) == 12
    checked = 0
    for values in (ONE_VALUE, TWO_VALUES):
        for size in range(len(FACETS) + 1):
            for names in itertools.combinations(FACETS, size):
                selection = {name: values[name] for name in names}
                result = practice_listing(index, querydict(selection), page_size=100)
                got = sorted(p.pk for p in result.page.object_list)
                want = sorted(next(iter(row["pk"])) for row in expected(rows, selection))
                assert got == want, f"results for {selection}"
                assert result.page.paginator.count == len(want), f"total for {selection}"
                for facet in result.facets:
                    others = expected(rows, selection, skip=facet.name)
                    for option in facet.options:
                        want_count = sum(1 for row in others if option.value in row[facet.name])
                        assert option.count == want_count, f"{facet.name}={option.value} under {selection}"
                        checked += 1
    assert checked > 5000


def test_drafts_and_private_practices_are_in_no_listing_and_no_count(client, index, practices):
    html = client.get(index.url + "?tag=tirocini&tag=segreta").content.decode()
    assert "Bozza nascosta" not in html and "Pratica riservata" not in html
    result = practice_listing(index, QueryDict(""))
    tags = next(f for f in result.facets if f.name == "tag")
    assert "segreta" not in [o.value for o in tags.options]
    assert result.page.paginator.count == 12


def test_tag_filter_offers_only_tags_of_visible_practices(index, practices):
    options = dict(practice_facets(index.practices())[-1].choices())
    assert set(options) == {"tirocini", "laboratori"}


def test_unknown_filter_values_are_ignored_with_an_italian_message(client, index, practices):
    response = client.get(index.url + "?ambito=atlantide&tema=occupazione&stato=forse&ordina=caso")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Alcuni filtri non sono validi e sono stati ignorati" in html
    assert "6 buone pratiche" in html  # only the valid theme filter applies


def test_filters_are_in_the_url_and_the_page_is_a_plain_get_form(client, index, practices):
    html = client.get(index.url + "?ambito=corsichese&tema=occupazione").content.decode()
    assert '<form method="get" class="facets"' in html
    assert 'name="ambito" value="corsichese" id="f-ambito-1" checked' in html
    assert "2 buone pratiche" in html
    # Removing one chip keeps the other filter.
    assert 'href="?tema=occupazione" class="chip-remove"' in html


def test_sorting_by_title_and_by_newest(index, practices):
    by_title = practice_listing(index, QueryDict("ordina=titolo"), page_size=100).page.object_list
    titles = [p.title for p in by_title]
    assert titles == sorted(titles)
    newest = practice_listing(index, QueryDict(""), page_size=100).page.object_list
    dates = [p.first_published_at for p in newest]
    assert dates == sorted(dates, reverse=True)


def test_pages_keep_filters_and_sort(client, index, practices):
    result = practice_listing(index, QueryDict("tema=occupazione&ordina=titolo"), page_size=2)
    assert result.page.paginator.num_pages == 3
    assert result.next_url == "?ordina=titolo&tema=occupazione&pagina=2"
    html = client.get(index.url + "?tema=occupazione&ordina=titolo&pagina=2").content.decode()
    assert 'aria-current="page"' in html or "pagina=2" not in html


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1.5", ""])
def test_odd_page_numbers_still_give_a_page(client, index, practices, page):
    response = client.get(index.url, {"pagina": page})
    assert response.status_code == 200
    assert "buone pratiche" in response.content.decode()


def test_feed_link_carries_the_filters(client, index, practices):
    html = client.get(index.url + "?ambito=paullese").content.decode()
    assert 'type="application/rss+xml"' in html
    assert f'href="{index.url}feed/?ambito=paullese"' in html
