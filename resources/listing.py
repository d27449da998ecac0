"""The materials listing: its facets and its filters, from validated GET parameters.

One function builds the listing for both the page and the RSS feed, so the feed
follows exactly the filters a visitor chose; the query count is fixed.
"""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ciao.listing import Facet, Listing, vocabulary_choices
from ciao.models import Theme

from .choices import LICENCE_CHOICES, Kind, Language

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
        Facet("pubblico", _("Per chi è"), "audiences__slug", vocabulary_choices("resources.Audience")),
        Facet("tema", _("Tema"), "themes__slug", vocabulary_choices(Theme)),
        Facet("licenza", _("Licenza"), "licence", lambda: LICENCE_CHOICES),
        Facet("lingua", _("Lingua"), "language", lambda: Language.choices),
        Facet("tag", _("Etichetta"), "tags__slug", lambda: _tags_in_use(materials)),
    ]


def resource_listing(index_page, data):
    """The :class:`~ciao.listing.Listing` of the materials under ``index_page`` (newest revision first)."""
    materials = index_page.listed()
    return Listing(materials, data, facets(materials), per_page=PER_PAGE)
