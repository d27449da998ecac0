"""The practice listing: facets with counts, sorting and pagination, from validated GET data.

One function builds it, for the page and for the RSS feed alike, so both accept
the same filters. Every part costs a fixed number of queries: one per facet
for its options, one per facet for its counts, two for the page of results
and one for their themes, however many practices there are.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ciao.listing import Facet, FacetedListing
from ciao.models import Ambito, Comune, TargetGroup, Theme

from .models import PracticeStatus

PAGE_SIZE = 12

SORT_ORDERS = {
    "recenti": ("-first_published_at", "-pk"),
    "titolo": ("title", "pk"),
}
SORT_CHOICES = [("recenti", _("Più recenti")), ("titolo", _("Titolo (A-Z)"))]
DEFAULT_SORT = "recenti"


def practice_facets(practices):
    """The listing's filters; tags offer only those that the listed practices use."""

    def used_tags():
        return (
            Tag.objects.filter(practices_practicepagetag_items__content_object__in=practices.values("pk"))
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )

    return [
        Facet("ambito", _("Ambito"), "ambito__slug", lambda: Ambito.objects.values_list("slug", "name")),
        Facet("comune", _("Comune"), "comuni__slug", lambda: Comune.objects.values_list("slug", "name")),
        Facet("tema", _("Tema"), "themes__slug", lambda: Theme.objects.values_list("slug", "name")),
        Facet(
            "destinatari", _("Destinatari"), "target_groups__slug",
            lambda: TargetGroup.objects.values_list("slug", "name"),
        ),
        Facet("stato", _("Stato"), "status", lambda: PracticeStatus.choices),
        Facet("tag", _("Etichetta"), "tags__slug", used_tags),
    ]


@dataclass
class PracticeListing:
    listing: FacetedListing
    facets: list
    page: object  # a paginator page of practices
    sort: str

    sort_choices = SORT_CHOICES

    @property
    def chips(self):
        return FacetedListing.chips(self.facets)

    @property
    def messages(self):
        return self.listing.messages

    @property
    def is_filtered(self):
        return bool(self.listing.active_params())

    @property
    def sort_params(self):
        return [("ordina", self.sort)] if self.sort != DEFAULT_SORT else []

    @property
    def filter_params(self):
        """The active filters, for the sort form's hidden fields."""
        return self.listing.active_params()

    def page_url(self, number):
        params = self.sort_params + self.listing.active_params()
        if number > 1:
            params.append(("pagina", number))
        return "?" + urlencode(params) if params else "?"

    @property
    def previous_url(self):
        return self.page_url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self):
        return self.page_url(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def page_links(self):
        """(number, url, is_current) for every page, or for a window around the current one."""
        paginator = self.page.paginator
        numbers = paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1)
        return [
            (n, self.page_url(n) if n != paginator.ELLIPSIS else "", n == self.page.number)
            for n in numbers
        ]

    @property
    def querystring(self):
        """The filters alone, for the feed link: a feed is always newest first."""
        return self.listing.querystring()


def filtered_practices(index, data):
    """(FacetedListing, sort) for these GET parameters; unknown values are ignored and reported."""
    practices = index.practices()
    listing = FacetedListing(
        practices,
        practice_facets(practices),
        data,
        extra_fields={"ordina": forms.ChoiceField(choices=SORT_CHOICES, required=False)},
    )
    sort = listing.form.cleaned_data.get("ordina") or DEFAULT_SORT
    return listing, sort


def practice_listing(index, data, page_size=PAGE_SIZE):
    listing, sort = filtered_practices(index, data)
    results = (
        listing.filtered()
        .select_related("ambito")
        .prefetch_related("themes")
        .order_by(*SORT_ORDERS[sort])
    )
    # get_page turns a missing, malformed or out-of-range page number into a real page.
    page = Paginator(results, page_size).get_page(data.get("pagina"))
    return PracticeListing(
        listing=listing,
        facets=listing.facet_results(base_params=[("ordina", sort)] if sort != DEFAULT_SORT else []),
        page=page,
        sort=sort,
    )
