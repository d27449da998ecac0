"""«Pratiche simili in altri ambiti»: what another territory did along the same lines.

The site search's more-like-this comes first when ``search.extras`` offers it;
shared themes and tags fill the remaining places (or all of them, on a search
backend without more-like-this). Never the practice itself, never its own
ambito, never a draft or a private page.
"""

import inspect
import logging

from django.db.models import Count, F, Q

RELATED_LIMIT = 4
# A shared tag says more than a shared theme: there are four themes and many tags.
TAG_WEIGHT = 2
THEME_WEIGHT = 1

logger = logging.getLogger(__name__)


def related_in_other_ambiti(practice, limit=RELATED_LIMIT):
    # The practice's own model: this module is imported by it.
    candidates = type(practice).objects.live().public().exclude(pk=practice.pk)
    if practice.ambito_id:
        candidates = candidates.exclude(ambito_id=practice.ambito_id)
    chosen = similar_by_search(practice, candidates, limit)
    if len(chosen) < limit:
        rest = candidates.exclude(pk__in=[p.pk for p in chosen])
        chosen += similar_by_themes_and_tags(practice, rest, limit - len(chosen))
    return chosen


def _more_like_this():
    try:
        from search.extras import more_like_this
    except ImportError:
        return None
    return more_like_this


def similar_by_search(practice, candidates, limit):
    """The search backend's more-like-this, kept to ``candidates``, in its order."""
    more_like_this = _more_like_this()
    if more_like_this is None:
        return []
    try:
        parameters = inspect.signature(more_like_this).parameters
        kwargs = {}
        if "queryset" in parameters:
            kwargs["queryset"] = candidates
        if "limit" in parameters:
            # Some hits may fall outside the candidates (own ambito): ask for a few more.
            kwargs["limit"] = limit * 3
        hits = list(more_like_this(practice, **kwargs) or [])
    except Exception:  # noqa: BLE001 - related content must never break the practice page
        logger.warning("more_like_this failed for page %s; using shared themes and tags", practice.pk, exc_info=True)
        return []
    ids = [getattr(hit, "pk", hit) for hit in hits]
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
