"""The practice listing: facets with counts, sorting and pagination, from validated GET data.

One function builds it, for the page and for the RSS feed alike, so both accept
the same filters. Every part costs a fixed number of queries: one per facet
for its options, one per facet for its counts, two for the page of results
and one for their themes, however many practices there are.
"""

from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ciao.listing import Facet, Listing, Sort, SortOption, vocabulary_choices
from ciao.models import Ambito, Comune, TargetGroup, Theme

from .choices import PracticeStatus

PAGE_SIZE = 12

SORT = Sort(
    SortOption("recenti", _("Più recenti"), ("-first_published_at", "-pk")),
    SortOption("titolo", _("Titolo (A-Z)"), ("title", "pk")),
)


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
        Facet("ambito", _("Ambito"), "ambito__slug", vocabulary_choices(Ambito)),
        Facet("comune", _("Comune"), "comuni__slug", vocabulary_choices(Comune)),
        Facet("tema", _("Tema"), "themes__slug", vocabulary_choices(Theme)),
        Facet("destinatari", _("Destinatari"), "target_groups__slug", vocabulary_choices(TargetGroup)),
        Facet("stato", _("Stato"), "status", lambda: PracticeStatus.choices),
        Facet("tag", _("Etichetta"), "tags__slug", used_tags),
    ]


def filtered_practices(index, data, page_size=PAGE_SIZE):
    """The :class:`~ciao.listing.Listing` of ``index``'s practices for these GET parameters.

    Unknown values are ignored and reported. The feed reads it as it is; the page paginates it.
    """
    practices = index.listed()
    return Listing(practices, data, practice_facets(practices), sort=SORT, per_page=page_size)


def practice_listing(index, data, page_size=PAGE_SIZE):
    """The listing with the page of results asked for (``.page``)."""
    listing = filtered_practices(index, data, page_size)
    listing.paginate(listing.results())
    return listing
