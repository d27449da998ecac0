"""Faceted listings: OR within a facet, AND across facets, counts that match the database."""

import pytest
from django import forms
from django.http import QueryDict

from ciao.demo import ensure_child
from ciao.listing import Facet, FacetedListing, FilterForm, Listing, Sort, SortOption, paginate
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


# -- the rest of the toolkit: pages, sort, form filters ------------------------------------


def test_pages_are_asked_for_with_pagina_and_the_old_page_still_works():
    items = list(range(30))
    assert list(paginate(items, QueryDict("pagina=2"), per_page=12).page) == items[12:24]
    assert list(paginate(items, QueryDict("page=3"), per_page=12).page) == items[24:]
    for odd in ["", "pagina=0", "pagina=abc", "pagina=-1", "pagina=1.5"]:
        assert paginate(items, QueryDict(odd), per_page=12).page.number == 1
    assert paginate(items, QueryDict("pagina=99"), per_page=12).page.number == 3


def test_page_links_keep_the_other_parameters_and_the_first_page_has_none():
    pagination = paginate(range(30), QueryDict("pagina=2"), per_page=12, params=[("tema", "a b"), ("page", "7")])
    assert pagination.previous_url == "?tema=a+b"
    assert pagination.next_url == "?tema=a+b&pagina=3"
    assert [(link.number, link.url, link.is_current) for link in pagination.links] == [
        (1, "?tema=a+b", False),
        (2, "?tema=a+b&pagina=2", True),
        (3, "?tema=a+b&pagina=3", False),
    ]


def test_a_long_run_of_pages_is_elided_around_the_current_one():
    pagination = paginate(range(200), QueryDict("pagina=10"), per_page=10)
    numbers = [link.number for link in pagination.links]
    assert numbers[:2] == [1, "…"] and numbers[-2:] == ["…", 20] and 10 in numbers
    assert [link.url for link in pagination.links if link.number == "…"] == ["", ""]


SORT = Sort(SortOption("recenti", "Più recenti", ("-pk",)), SortOption("titolo", "Titolo", ("title", "pk")))


class OnlyBefore(FilterForm):
    prima_di = forms.CharField(label="Prima di", required=False)


def test_sort_and_form_filters_travel_with_every_link(practices):
    form = OnlyBefore(QueryDict("prima_di=D"))
    form.is_valid()
    data = QueryDict("prima_di=D&ordina=titolo&tag=donne&pagina=1")
    sorted_listing = Listing(PracticePage.objects.live().filter(title__lt="D"), data, facets(), form=form, sort=SORT)
    assert [p.title for p in sorted_listing.results()] == ["A", "C"]
    chips = {label: option.remove_url for label, option in sorted_listing.chips}
    # Removing a chip keeps the sort and the other filters, and goes back to the first page.
    assert chips == {"Prima di": "?ordina=titolo&tag=donne", "Etichetta": "?ordina=titolo&prima_di=D"}
    assert sorted_listing.link("/feed/") == "/feed/?prima_di=D&tag=donne"
    sorted_listing.paginate(sorted_listing.results())
    assert sorted_listing.pagination.url(2) == "?ordina=titolo&prima_di=D&tag=donne&pagina=2"


def test_an_unknown_sort_falls_back_to_the_default(practices):
    odd = Listing(PracticePage.objects.live(), QueryDict("ordina=caso"), facets(), sort=SORT)
    assert odd.sort_value == "recenti" and odd.sort_params == []
