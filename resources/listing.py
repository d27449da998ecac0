"""The materials listing: its facets, its queryset and its page of results.

One function builds the listing for both the page and the RSS feed, so the feed
follows exactly the filters a visitor chose. Filters come from validated GET
parameters (``ciao.listing.FacetedListing``); the query count is fixed.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ciao.listing import Facet, FacetedListing
from ciao.models import Theme

from .choices import LICENCE_CHOICES, Kind, Language
from .models import Audience, ResourcePage

PER_PAGE = 12


def _tags_in_use(materials):
    """Tags of these materials, for the tag facet (one query)."""
    return list(
        Tag.objects.filter(resources_resourcepagetag_items__content_object__in=materials.values("pk"))
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )


def facets(materials):
    # GET parameter names are Italian: they appear in addresses people share.
    return [
        Facet("tipo", _("Tipo di materiale"), "kind", lambda: Kind.choices),
        Facet("pubblico", _("Per chi è"), "audiences__slug", lambda: Audience.objects.values_list("slug", "name")),
        Facet("tema", _("Tema"), "themes__slug", lambda: Theme.objects.values_list("slug", "name")),
        Facet("licenza", _("Licenza"), "licence", lambda: LICENCE_CHOICES),
        Facet("lingua", _("Lingua"), "language", lambda: Language.choices),
        Facet("tag", _("Etichetta"), "tags__slug", lambda: _tags_in_use(materials)),
    ]


def resource_listing(index_page, data):
    """The ``FacetedListing`` of the live, public materials under ``index_page``."""
    base = ResourcePage.objects.live().public().child_of(index_page)
    return FacetedListing(base, facets(base), data)


def filtered_materials(listing):
    """The filtered materials, ready for cards: related data fetched in a fixed number of queries."""
    return ResourcePage.listing_queryset().filter(pk__in=listing.filtered().values("pk"))


def listing_context(index_page, request):
    listing = resource_listing(index_page, request.GET)
    facet_results = listing.facet_results()
    paginator = Paginator(filtered_materials(listing), PER_PAGE)
    page_of_results = paginator.get_page(request.GET.get("page"))
    querystring = listing.querystring()
    return {
        "listing": listing,
        "facets": facet_results,
        "chips": FacetedListing.chips(facet_results),
        "materials": page_of_results,
        "filter_querystring": querystring,
        "feed_url": index_page.get_url(request) + index_page.reverse_subpage("feed") + (f"?{querystring}" if querystring else ""),
    }
