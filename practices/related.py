"""«Pratiche simili in altri ambiti»: what another territory did along the same lines.

The site search's more-like-this comes first; shared themes and tags fill the
remaining places (or all of them, on a search backend without more-like-this).
Never the practice itself, never its own ambito, never a draft or a private page.

Finding them costs tens of milliseconds (more-like-this weighs every word of
the practice against the index), so the choice is kept in the cache until a
page is published, unpublished, moved or deleted anywhere: any of those may
change which practices are closest. Looking them up again then costs three
queries (the view restrictions, the practices, their themes), which also check
that every practice shown is still live and public; and the practice page keeps
the rendered section itself (ciao/page_cache/fragments.py), so most views skip
even those.
"""

import logging
import uuid

from django.core.cache import cache
from django.db.models import Count, Q, Value

from ciao.page_cache.generation import current as page_cache_generation
from search.extras import more_like_this

RELATED_LIMIT = 4
# A shared tag says more than a shared theme: there are four themes and many tags.
TAG_WEIGHT = 2
THEME_WEIGHT = 1

CACHE_SECONDS = 24 * 3600
GENERATION_KEY = "practices:related:generation"

logger = logging.getLogger(__name__)


def forget_related(**kwargs):
    """Make every practice choose its related practices again (a signal receiver)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _cache_key(practice, limit):
    generation = cache.get_or_set(GENERATION_KEY, uuid.uuid4().hex, None)
    # GENERATION_KEY changes at once, within the transaction, but only in this worker's memory
    # (without Redis); the page cache's generation, replaced at commit, reaches every worker.
    return f"practices:related:{page_cache_generation()}:{generation}:{practice.pk}:{limit}"


def related_in_other_ambiti(practice, limit=RELATED_LIMIT):
    """Up to ``limit`` live public practices of other ambiti, closest first (cached)."""
    key = _cache_key(practice, limit)
    pks = cache.get(key)
    if pks is None:
        pks = [p.pk for p in choose_related(practice, limit)]
        cache.set(key, pks, CACHE_SECONDS)
    found = _candidates(practice).filter(pk__in=pks).select_related("ambito").prefetch_related("themes").in_bulk()
    return [found[pk] for pk in pks if pk in found]


def _candidates(practice):
    # The practice's own model: this module is imported by it.
    candidates = type(practice).objects.live().public().exclude(pk=practice.pk)
    if practice.ambito_id:
        candidates = candidates.exclude(ambito_id=practice.ambito_id)
    return candidates


def choose_related(practice, limit=RELATED_LIMIT):
    """``related_in_other_ambiti`` without the cache."""
    candidates = _candidates(practice)
    chosen = similar_by_search(practice, candidates, limit)
    if len(chosen) < limit:
        rest = candidates.exclude(pk__in=[p.pk for p in chosen])
        chosen += similar_by_themes_and_tags(practice, rest, limit - len(chosen))
    return chosen


def similar_by_search(practice, candidates, limit):
    """The search backend's more-like-this, kept to ``candidates``, in its order."""
    # Some hits may fall outside the candidates: ask for a few more.
    hits = more_like_this(practice, queryset=candidates, limit=limit * 3)
    ids = [hit.pk for hit in hits]
    found = candidates.filter(pk__in=ids).select_related("ambito").prefetch_related("themes").in_bulk()
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found][:limit]


def similar_by_themes_and_tags(practice, candidates, limit):
    theme_ids = [theme.pk for theme in practice.themes.all()]
    tag_ids = [item.tag_id for item in practice.tagged_items.all()]
    if limit <= 0 or not (theme_ids or tag_ids):
        return []
    # An empty list in a count's filter would empty the whole query (Django drops a query that
    # can match nothing), so a practice without tags would get nothing: count only what it has.
    shared = []
    if theme_ids:
        shared.append(Count("themes", filter=Q(themes__in=theme_ids), distinct=True) * THEME_WEIGHT)
    if tag_ids:
        shared.append(Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True) * TAG_WEIGHT)
    return list(
        candidates.annotate(affinity=sum(shared, Value(0)))
        .filter(affinity__gt=0)
        .select_related("ambito")
        .prefetch_related("themes")
        .order_by("-affinity", "-first_published_at", "pk")[:limit]
    )
