"""The listing toolkit: what every listing page of the site is built with.

- :mod:`.facets`: filters on vocabularies and fixed lists, with counts (``Facet``, ``FacetedListing``);
- :mod:`.forms`: filters that are not facets, as a Django form (``FilterForm``);
- :mod:`.sorting`: orders a visitor may choose (``Sort``);
- :mod:`.pagination`: pages, one parameter ``pagina`` (``paginate``, ``Pagination``);
- :mod:`.core`: the whole of one listing page (``Listing``) and the context its template reads;
- :mod:`.pages`: the convention of index pages that list their children (``ListingPage``).
"""

from .core import Listing, listing_context
from .facets import Facet, FacetedListing, FacetOption, FacetResult, vocabulary_choices
from .forms import FilterForm
from .pages import ListingPage
from .pagination import PAGE_PARAM, PER_PAGE, Pagination, paginate
from .querystrings import query_url, with_query
from .sorting import Sort, SortOption

__all__ = [
    "PAGE_PARAM",
    "PER_PAGE",
    "Facet",
    "FacetOption",
    "FacetResult",
    "FacetedListing",
    "FilterForm",
    "Listing",
    "ListingPage",
    "Pagination",
    "Sort",
    "SortOption",
    "listing_context",
    "paginate",
    "query_url",
    "vocabulary_choices",
    "with_query",
]
