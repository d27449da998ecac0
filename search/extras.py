"""Search extras for the views: excerpts, facet counts, "forse cercavi", related content.

They use what the Whoosh backend (``search.backend``) knows beyond
modelsearch's API. On any other backend, or if anything goes wrong, they
return an empty value (``""``, ``{}``, ``None``, ``[]``) and never raise, so a
view can call them unconditionally and fall back on something plainer.

They know nothing of Wagtail: what a visitor may see (for pages,
``Page.objects.live().public()``) is the caller's to say, as a queryset.
"""

import logging

from django.db.models import Q
from django.utils.safestring import mark_safe
from modelsearch.backends import get_search_backend
from modelsearch.query import Or, PlainText

from .backend import WhooshSearchBackend
from .backend.features import Features
from .backend.mapping import mapping_for
from .ids import ids_in

logger = logging.getLogger("search")

EXCERPT_CHARS = 240


def _whoosh(backend):
    try:
        found = get_search_backend(backend)
    except Exception:  # noqa: BLE001 - a misconfigured backend: no extras
        logger.exception("Search backend %r is not available", backend)
        return None
    return found if isinstance(found, WhooshSearchBackend) else None


def _indexed(obj):
    """The instance that the index describes (for pages: the specific page)."""
    indexed = obj.get_indexed_instance() if hasattr(obj, "get_indexed_instance") else obj
    return indexed or obj


def highlight(obj, query, fields=None, max_chars=EXCERPT_CHARS, backend="default"):
    """An excerpt of ``obj``'s text where ``query``'s words appear, as safe HTML.

    Whole sentences, from the field where most of the words are (the first
    fields of ``search_fields`` preferred when several tie): HTML-escaped,
    each matching word (stemmed and accent-folded like the search itself, so
    "tirocinio" marks "tirocini") wrapped in ``<mark>``. Short runs of words
    (tags, names, labels) are never an excerpt. ``fields`` names the search
    fields to draw from; by default all but the title, falling back on the
    title when nothing else matches. Returns "" when no word matches or on
    another backend.
    """
    whoosh = _whoosh(backend)
    if whoosh is None or not query:
        return ""
    try:
        obj = _indexed(obj)
        doc = mapping_for(type(obj)).texts(obj)
        features = Features(whoosh, type(obj))
        if fields:
            # "ciao_standardpage__body__t" is the column of the field "body".
            texts = [text for column, text in doc.items() if column.rsplit("__", 2)[-2] in fields]
            return mark_safe(features.highlight(texts, query, max_chars=max_chars, min_words=1))  # noqa: S308
        body = [text for column, text in doc.items() if column != "title__t"]
        excerpt = features.highlight(body, query, max_chars=max_chars)
        if not excerpt and doc.get("title__t"):
            excerpt = features.highlight([doc["title__t"]], query, max_chars=max_chars, min_words=1)
        return mark_safe(excerpt)  # noqa: S308 - escaped by the highlighter
    except Exception:  # noqa: BLE001 - an excerpt is never worth an error page
        logger.exception("Could not highlight %r for %r", obj, query)
    return ""


INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}


def ranked_ids(queryset, query, limit, operator=None, backend="default"):
    """[(pk, score)] of the best ``limit`` objects of ``queryset`` for ``query``, best first.

    ``query`` is a string or a modelsearch query (``And``, ``Or``, ``Boost``...).
    On the Whoosh backend no object is loaded: the index ranks, one database
    query keeps the pks ``queryset`` still allows (an index entry may be
    stale). Elsewhere the backend's own search with ``annotate_score``.
    Raises what the backend raises (a query it cannot parse, say).
    """
    found = get_search_backend(backend).search(query, queryset, operator=operator)
    if hasattr(found, "scored_pks"):
        ranked = found[:limit].scored_pks()
        pk_field = queryset.model._meta.pk
        ranked = [(pk_field.to_python(pk), score) for pk, score in ranked]
        pks = [pk for pk, _score in ranked]
        among = ids_in("pk", pks) if pk_field.get_internal_type() in INTEGER_KEYS else Q(pk__in=pks)
        allowed = set(queryset.filter(among).order_by().values_list("pk", flat=True))
        return [(pk, score) for pk, score in ranked if pk in allowed]
    return [(obj.pk, float(getattr(obj, "_score", 0) or 0)) for obj in found.annotate_score("_score")[:limit]]


def facet_counts(results, field_names):
    """``{field name: {value: count}}`` over all the hits of ``results``.

    ``results`` is what ``.search()`` returned; each field must be a
    ``FilterField`` of the searched model. Counts come most frequent first;
    ``None`` counts the hits without a value. Returns {} on another backend.
    """
    try:
        if hasattr(results, "facets") and isinstance(results.backend, WhooshSearchBackend):
            return results.facets(list(field_names))
    except Exception:  # noqa: BLE001 - extras are optional: logged, empty
        logger.exception("Could not count facets %r", field_names)
    return {}


def spelling_suggestion(query, queryset, backend="default"):
    """A "forse cercavi" alternative to ``query``: the same words, with those
    the visitor's content does not know replaced by the closest word it knows
    (real words, accents included).

    ``queryset`` is what the visitor may see (for pages, the live public ones:
    ``Page.objects.live().public()``): words only drafts, private pages or
    their files contain are never suggested. None when every word is known,
    nothing close exists, or on another backend."""
    whoosh = _whoosh(backend)
    if whoosh is None or not query:
        return None
    try:
        return Features(whoosh, queryset.model).spelling_suggestion(query, queryset)
    except Exception:  # noqa: BLE001 - extras are optional: logged, empty
        logger.exception("Could not suggest a spelling for %r", query)
        return None


def more_like_this(obj, queryset, limit=5, backend="default"):
    """Up to ``limit`` objects whose text is closest to ``obj``'s, best first.

    ``queryset`` says where to look (for a page, usually the live public
    pages: ``Page.objects.live().public()``); ``obj`` itself is never
    returned. Returns [] on another backend.
    """
    whoosh = _whoosh(backend)
    if whoosh is None:
        return []
    try:
        obj = _indexed(obj)
        words = Features(whoosh, queryset.model).key_words(obj)
        if not words:
            return []
        query = Or([PlainText(word, boost=weight) for word, weight in words])
        found = whoosh.search(query, queryset, operator="or")[: limit + 1]
        return [o for o in found if o.pk != obj.pk][:limit]
    except Exception:  # noqa: BLE001 - extras are optional: logged, empty
        logger.exception("Could not find content like %r", obj)
        return []
