"""A listing page's state, from one request's GET data: filters, facets, chips, sort, page, links.

Every listing of the site (practices, materials, events) is a :class:`Listing`
of what its index page lists (``listed()``, see :mod:`ciao.listing.pages`):

- filters come from validated GET parameters: the facets' own form and, for
  filters that are not facets, a :class:`~ciao.listing.forms.FilterForm` that the
  app has already applied to the queryset (dates, cost);
- facets count what each option would match (:class:`FacetedListing`);
- chips name every active filter with the address that removes it;
- an optional :class:`~ciao.listing.sorting.Sort` orders the results;
- :meth:`Listing.paginate` makes the page of results, whose links keep the rest;
- :meth:`Listing.link` gives the feed or calendar that follows the same filters.
"""

from functools import cached_property
from urllib.parse import urlencode

from .facets import FacetedListing, FacetOption
from .pagination import PER_PAGE, paginate
from .querystrings import query_url, with_query


class Listing:
    def __init__(self, queryset, data, facets=(), *, form=None, sort=None, per_page=PER_PAGE):
        self.data = data
        self.form = form
        self.sort = sort
        self.per_page = per_page
        extra_fields = {sort.param: sort.form_field()} if sort else {}
        self.faceted = FacetedListing(queryset, list(facets), data, extra_fields=extra_fields)
        self.sort_value = (self.faceted.form.cleaned_data.get(sort.param) or sort.default) if sort else ""
        self.pagination = None

    # -- filters --------------------------------------------------------------------

    def form_params(self):
        """The valid parameters of the form's filters; a listing may leave some out."""
        return self.form.active_params() if self.form else []

    @property
    def sort_params(self):
        return self.sort.params(self.sort_value) if self.sort else []

    @property
    def filter_params(self):
        """Every active filter, validated: what a feed or a calendar of this listing follows."""
        return self.form_params() + self.faceted.active_params()

    @property
    def is_filtered(self):
        return bool(self.filter_params)

    @property
    def querystring(self):
        """The filters alone, as a query string (a feed is always newest first: no sort, no page)."""
        return urlencode(self.filter_params)

    def link(self, url):
        """``url`` (a feed, a calendar, another view of the same items) with this listing's filters."""
        return with_query(url, self.filter_params)

    def filtered(self):
        """The filtered queryset, in the order of the queryset the listing was given."""
        return self.faceted.filtered()

    def results(self):
        """The filtered queryset, in the chosen order."""
        results = self.filtered()
        return results.order_by(*self.sort.ordering(self.sort_value)) if self.sort else results

    def filter_labels(self):
        """(filter label, value label) of every active filter, as the chips name them, without counting."""
        own = [(self.form.fields[name].label, self.form.value_label(name, value)) for name, value in self.form_params()]
        return own + self.faceted.selected_labels()

    # -- what the filters panel shows ---------------------------------------------------

    @cached_property
    def facets(self):
        """Every facet with its options, their counts and the addresses that remove them."""
        return self.faceted.facet_results(base_params=self.sort_params + self.form_params())

    def facet_results(self):
        return self.facets

    @cached_property
    def chips(self):
        """(filter label, option) for every active filter, the form's first, then the facets'."""
        own = self.form_params()
        chips = []
        for name, value in own:
            rest = self.sort_params + [p for p in own if p != (name, value)] + self.faceted.active_params()
            option = FacetOption(value, self.form.value_label(name, value), 0, True, query_url(rest))
            chips.append((self.form.fields[name].label, option))
        return chips + FacetedListing.chips(self.facets)

    @property
    def messages(self):
        """In Italian, the filters that were ignored and why."""
        return (self.form.messages() if self.form else []) + list(self.faceted.messages)

    # -- the page of results ----------------------------------------------------------

    def paginate(self, items):
        """Make the page of ``items`` (the results, or what they expand to) the request asks for."""
        self.pagination = paginate(items, self.data, self.per_page, self.sort_params + self.filter_params)
        return self.pagination.page

    @property
    def page(self):
        return self.pagination.page

    @property
    def previous_url(self):
        return self.pagination.previous_url

    @property
    def next_url(self):
        return self.pagination.next_url


def listing_context(listing):
    """What every listing template reads (includes/facets.html, active_filters.html, pagination.html)."""
    return {
        "listing": listing,
        "facets": listing.facets,
        "chips": listing.chips,
        "filter_messages": listing.messages,
        "pagination": listing.pagination,
    }
