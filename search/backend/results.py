"""Search results: run the compiled query on Whoosh, then load the objects.

Relevance order asks Whoosh for just the slice's top hits (it skips whole
posting blocks that can't make the top), then loads those few objects with
``queryset.filter(pk__in=...)``, which also re-applies the queryset's filters:
an entry the index still holds for an object that no longer qualifies (say,
an unpublished page whose index update failed) is never shown.

Any other order is the database's: the hits' primary keys are handed to the
queryset, which orders them exactly as Django would.

``count()`` and ``facet()`` count document numbers in Whoosh; no object is
loaded.
"""

import logging
from collections import OrderedDict

from modelsearch.backends.base import BaseSearchResults, FilterFieldError
from whoosh.index import IndexError as WhooshIndexError

from ..engine import block_scoring
from ..engine.schema import ALL_TEXT, schema_language
from .query import ALL, NONE, NeedsDatabase

logger = logging.getLogger("search.backend")

# Up to this many hits, an ordered search filters the queryset by their pks;
# beyond it, it walks the queryset's ordered pks instead (no giant IN list).
PK_LIST_LIMIT = 1000


class Plan:
    """What one evaluation needs: the reader, the text query, allowed docnums."""

    def __init__(self, reader, text, allowed):
        self.reader = reader
        self.text = text
        self.allowed = allowed

    @property
    def empty(self):
        return self.text is NONE or not self.allowed


def allowed_docnums(reader, compiler):
    """The document numbers of ``reader`` that the compiler's queryset allows."""
    try:
        condition = compiler.compile_filter()
    except NeedsDatabase:
        return _allowed_by_database(reader, compiler)
    return reader.cached(("model", compiler.label, condition), lambda: _allowed_by_index(reader, compiler, condition))


def _allowed_by_index(reader, compiler, condition):
    docs = reader.model_docs(compiler.label)
    if condition is NONE:
        return set()
    if condition is None or condition is ALL:
        return docs
    return docs & reader.docs(condition)


def _allowed_by_database(reader, compiler):
    docnums = reader.pks()
    queryset = compiler.queryset.order_by().values_list("pk", flat=True)
    allowed = {docnums.get(str(pk)) for pk in queryset.iterator()}
    allowed.discard(None)
    return allowed & reader.model_docs(compiler.label)


class WhooshSearchResults(BaseSearchResults):
    supports_facet = True

    def _index(self):
        return self.backend.get_index_for_model(self.query_compiler.queryset.model)

    def _plan(self):
        compiler = self.query_compiler
        reader = self._index().store.searcher()
        text = compiler.compile_text(schema_language(reader.schema), all_text=ALL_TEXT in reader.schema)
        if text is NONE:
            return Plan(reader, NONE, set())
        return Plan(reader, text, allowed_docnums(reader, compiler))

    # Whoosh

    def _ranked(self, plan, limit):
        """[(docnum, score)] best first, at most ``limit`` (None: all)."""
        if plan.empty:
            return []
        if plan.text is ALL:
            docnums = sorted(plan.allowed)
            return [(d, 1.0) for d in (docnums if limit is None else docnums[:limit])]
        found = block_scoring.scores(plan.reader.searcher, plan.text, plan.reader.scoring_memo)
        if found is not None:
            return block_scoring.top(found, plan.allowed, limit)
        hits = plan.reader.searcher.search(plan.text, filter=plan.allowed, limit=limit)
        return [(docnum, score) for score, docnum in hits.top_n]

    def _matching(self, plan):
        """The set of matching docnums, unranked."""
        if plan.empty:
            return set()
        if plan.text is ALL:
            return plan.allowed
        found = block_scoring.scores(plan.reader.searcher, plan.text, plan.reader.scoring_memo)
        if found is not None:
            return found.keys() & plan.allowed
        hits = plan.reader.searcher.search(plan.text, filter=plan.allowed, limit=None, scored=False)
        return set(hits.docs())

    # BaseSearchResults

    def _retrying(self, work):
        try:
            return work()
        except (OSError, EOFError, WhooshIndexError):
            # The index changed under this searcher (a rebuild swapped
            # generations and removed an old one): reopen, try once more.
            logger.warning("Search index %s changed during a search; retrying", self._index())
            self._index().store.forget_searcher()
            return work()

    def _do_search(self):
        if self.stop is not None and self.stop <= self.start:
            return []  # an empty slice ([0:0], a limit of 0): nothing to ask Whoosh for
        return self._retrying(self._search)

    def _do_count(self):
        return self._retrying(self._count)

    def _search(self):
        plan = self._plan()
        if self.query_compiler.order_by_relevance:
            ranked = self._ranked(plan, self.stop)[self.start : self.stop]
            objects = self._load([plan.reader.pk(d) for d, _score in ranked])
            scores = {plan.reader.pk(d): score for d, score in ranked}
            return self._annotated(objects, scores)
        pks = [plan.reader.pk(d) for d in self._matching(plan)]
        objects = self._ordered(pks)
        if self._score_field and objects:
            scores = {plan.reader.pk(d): s for d, s in self._ranked(plan, None)}
            return self._annotated(objects, scores)
        return objects

    def scored_pks(self):
        """[(pk, score)] of this slice, best first, without loading any object.

        The pks are the index's (strings); unlike the objects of a search they
        are not checked against the database again, so the caller filters them
        through its queryset (``search.extras.ranked_ids`` does).
        """
        if self.stop is not None and self.stop <= self.start:
            return []

        def work():
            plan = self._plan()
            ranked = self._ranked(plan, self.stop)[self.start : self.stop]
            return [(plan.reader.pk(d), score) for d, score in ranked]

        return self._retrying(work)

    def _count(self):
        plan = self._plan()
        total = len(self._matching(plan))
        total = max(total - self.start, 0)
        if self.stop is not None:
            total = min(total, self.stop - self.start)
        return total

    def _annotated(self, objects, scores):
        if self._score_field:
            for obj in objects:
                setattr(obj, self._score_field, float(scores.get(str(obj.pk), 0.0)))
        return objects

    def _load(self, pks):
        """Objects for ``pks`` in that order; pks the queryset excludes are dropped."""
        if not pks:
            return []
        found = {str(obj.pk): obj for obj in self.query_compiler.queryset.filter(pk__in=pks)}
        return [found[pk] for pk in pks if pk in found]

    def _ordered(self, pks):
        """Objects for ``pks`` in the queryset's order, sliced."""
        if not pks:
            return []
        queryset = self.query_compiler.queryset
        if not queryset.ordered:
            # Stable pages when nothing else decides (as the other backends do).
            queryset = queryset.order_by("-pk")
        if len(pks) <= PK_LIST_LIMIT:
            seen, objects = set(), []
            for obj in queryset.filter(pk__in=pks):
                if obj.pk not in seen:
                    seen.add(obj.pk)
                    objects.append(obj)
            return objects[self.start : self.stop]
        wanted, seen, ordered = set(pks), set(), []
        for pk in queryset.values_list("pk", flat=True).iterator():
            key = str(pk)
            if key in wanted and key not in seen:
                seen.add(key)
                ordered.append(key)
                if self.stop is not None and len(ordered) >= self.stop:
                    break
        return self._load(ordered[self.start : self.stop])

    # Facets

    def _plan_and_matches(self):
        plan = self._plan()
        return plan, self._matching(plan)

    def facet(self, field_name):
        """{value: count} of ``field_name`` over all matches, most frequent first."""
        return self.facets([field_name])[field_name]

    def facets(self, field_names):
        """``facet()`` for several fields, matching the documents only once."""
        columns = {}
        model = self.query_compiler.queryset.model
        for field_name in field_names:
            # By attribute name ("owner_id"), as the other backends, or by name.
            field = self.query_compiler._get_filterable_field(field_name) or next(
                (f for f in model.get_filterable_search_fields() if f.field_name == field_name),
                None,
            )
            column = self.query_compiler.mapping.filter_columns.get(getattr(field, "field_name", None))
            if field is None or column is None:
                raise FilterFieldError(
                    f'Cannot facet search results with field "{field_name}". Please add '
                    f"index.FilterField('{field_name}') to "
                    f"{self.query_compiler.queryset.model.__name__}.search_fields.",
                    field_name=field_name,
                )
            columns[field_name] = column
        plan, matching = self._retrying(self._plan_and_matches)
        reader = plan.reader.reader
        result = {}
        for field_name, column in columns.items():
            counts = {}
            if matching:
                fieldobj = reader.schema[column.name]
                for btext in reader.lexicon(column.name):
                    n = len(matching.intersection(reader.postings(column.name, btext).all_ids()))
                    if n:
                        counts[column.decode(fieldobj.from_bytes(btext))] = n
                nulls = column.name.encode("utf-8")
                if ("nulls", nulls) in reader:
                    n = len(matching.intersection(reader.postings("nulls", nulls).all_ids()))
                    if n:
                        counts[None] = n
            result[field_name] = OrderedDict(sorted(counts.items(), key=lambda item: item[1], reverse=True))
        return result
