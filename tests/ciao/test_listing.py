"""Faceted listings: OR within a facet, AND across facets, counts that match the database."""

import pytest
from django.http import QueryDict

from ciao.demo import ensure_child
from ciao.listing import Facet, FacetedListing
from ciao.models import Ambito
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(home):
    index = ensure_child(home, PracticeIndexPage, title="Buone pratiche")[0]
    ambiti = {a.slug: a for a in Ambito.objects.all()}
    specs = [
        ("A", "sud-est-milano", ["tirocini", "donne"]),
        ("B", "sud-est-milano", ["tirocini"]),
        ("C", "corsichese", ["donne"]),
        ("D", "paullese", []),
    ]
    pages = {}
    for title, ambito, tags in specs:
        page = ensure_child(index, PracticePage, title=title, summary="-", ambito=ambiti[ambito])[0]
        page.tags.add(*tags)
        page.save_revision().publish()
        pages[title] = page
    return pages


def facets():
    return [
        Facet("ambito", "Ambito", "ambito__slug", lambda: Ambito.objects.values_list("slug", "name")),
        Facet("tag", "Etichetta", "tags__slug", lambda: [("tirocini", "tirocini"), ("donne", "donne")]),
    ]


def listing(query):
    return FacetedListing(PracticePage.objects.live(), facets(), QueryDict(query))


def titles(listing):
    return sorted(p.title for p in listing.filtered())


def counts(listing, name):
    result = next(r for r in listing.facet_results() if r.name == name)
    return {o.value: o.count for o in result.options}


def test_no_filter_lists_everything_with_counts_per_option(practices):
    unfiltered = listing("")
    assert titles(unfiltered) == ["A", "B", "C", "D"]
    assert counts(unfiltered, "ambito")["sud-est-milano"] == 2
    assert counts(unfiltered, "tag") == {"tirocini": 2, "donne": 2}


def test_values_of_one_facet_combine_with_or(practices):
    assert titles(listing("ambito=corsichese&ambito=paullese")) == ["C", "D"]


def test_facets_combine_with_and_and_counts_follow_the_other_filters(practices):
    both = listing("ambito=sud-est-milano&tag=donne")
    assert titles(both) == ["A"]
    # Counts for "tag" ignore the tag filter but respect the ambito filter.
    assert counts(both, "tag") == {"tirocini": 2, "donne": 1}
    assert counts(both, "ambito")["corsichese"] == 1


def test_unknown_values_are_ignored_and_reported(practices):
    odd = listing("ambito=atlantide&tag=tirocini")
    assert titles(odd) == ["A", "B"]
    assert odd.messages and "Ambito" in str(odd.messages[0])


def test_removing_a_chip_keeps_the_other_filters(practices):
    both = listing("ambito=sud-est-milano&tag=donne")
    chips = FacetedListing.chips(both.facet_results())
    remove_tag = next(option.remove_url for label, option in chips if label == "Etichetta")
    assert remove_tag == "?ambito=sud-est-milano"
