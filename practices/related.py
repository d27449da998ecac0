"""«Pratiche simili in altri ambiti»: what another territory did along the same lines.

The site search's more-like-this comes first; shared themes and tags fill the
remaining places (or all of them, on a search backend without more-like-this).
Never the practice itself, never its own ambito, never a draft or a private page.

Finding them costs tens of milliseconds (more-like-this weighs every word of
the practice against the index), so the choice is kept in the cache until a
page is published, unpublished, moved or deleted anywhere: any of those may
change which practices are closest. Each view then costs one query, which
also checks again that every practice shown is still live and public.
"""

import logging
import uuid

from django.core.cache import cache
from django.db.models import Count, F, Q

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
    return f"practices:related:{generation}:{practice.pk}:{limit}"


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
    return list(
        candidates.annotate(
            shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True),
            shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids), distinct=True),
        )
        .annotate(affinity=F("shared_tags") * TAG_WEIGHT + F("shared_themes") * THEME_WEIGHT)
        .filter(affinity__gt=0)
        .select_related("ambito")
        .prefetch_related("themes")
        .order_by("-affinity", "-first_published_at", "pk")[:limit]
    )
