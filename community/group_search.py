"""Search in what groups hold: discussions, meetings and shared documents (their extracted text).

The same backend and Italian analysis as the site search. Only ever asked with
the groups the person may open (``access.visible_groups``): every backend query
filters on them, so another group's words are never found, never counted and
never suggested.
"""

import logging
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from search import extras

from .models import Meeting, SharedDocument, Thread

logger = logging.getLogger(__name__)

MAX_HITS = 200
# What each kind is called, what to load with it for display, and the fields its excerpt comes
# from (the title is shown anyway), the first one shown when none has the words.
KINDS = (
    (Thread, _("Discussione"), ("group",), ("posts",), ("visible_text",)),
    (Meeting, _("Incontro"), ("group",), (), ("agenda", "decisions", "minutes")),
    (SharedDocument, _("Documento"), ("group",), (), ("description", "text")),
)


@dataclass
class GroupHit:
    model: type
    kind: str
    pk: int
    score: float
    full: bool
    item: object = None  # set by ``load``
    excerpt: str = ""

    @property
    def title(self):
        return str(self.item)

    @property
    def url(self):
        return self.item.get_absolute_url()

    @property
    def context(self):
        return self.item.group.name


def _ranked(queryset, query):
    """[(pk, score, full)]: objects with every word first, then those with some."""
    try:
        full = extras.ranked_ids(queryset, query, MAX_HITS, operator="and")
        partial = []
        if len(query.split()) > 1:  # with one word, "some of the words" is "every word"
            seen = {pk for pk, _score in full}
            partial = [
                (pk, s) for pk, s in extras.ranked_ids(queryset, query, MAX_HITS, operator="or") if pk not in seen
            ]
    except Exception:  # noqa: BLE001 - a query the backend rejects finds nothing, never an error page
        logger.warning("Group search failed on %r", query, exc_info=True)
        return []
    return [(pk, s, True) for pk, s in full] + [(pk, s, False) for pk, s in partial]


def search_groups(groups, query):
    """``GroupHit``s of ``query`` in ``groups`` (a queryset or list of working groups), best first.

    A constant number of queries whatever the groups hold: per kind, one or two
    backend searches (every word, then some) each checked by one database query;
    then one or two per kind to load the hits shown (``load``).
    """
    group_ids = [group.pk for group in groups]
    if not group_ids or not query.strip():
        return []
    hits = []
    for model, kind, *_rest in KINDS:
        for pk, score, full in _ranked(model.objects.filter(group__in=group_ids), query):
            hits.append(GroupHit(model, kind, pk, score, full))
    hits.sort(key=lambda hit: (not hit.full, -hit.score))
    return hits


def load(hits, query):
    """``hits`` with their objects and highlighted excerpts; those deleted meanwhile left out."""
    for model, _kind, related, prefetched, fields in KINDS:
        mine = [hit for hit in hits if hit.model is model]
        if not mine:
            continue
        objects = model.objects.select_related(*related).prefetch_related(*prefetched)
        objects = objects.in_bulk([hit.pk for hit in mine])
        for hit in mine:
            hit.item = objects.get(hit.pk)
            if hit.item is not None:
                text = getattr(hit.item, fields[0])
                text = text() if callable(text) else text
                hit.excerpt = extras.highlight(hit.item, query, fields=fields) or escape(Truncator(text).words(30))
    return [hit for hit in hits if hit.item is not None]
