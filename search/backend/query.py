"""Query compilers: modelsearch query classes and queryset filters to Whoosh.

User text never reaches Whoosh's query parser: a ``PlainText`` is split into
words by the same analysis as the indexed text, so quotes, operators, ``*``,
emoji or NUL are just separators and can never be a syntax error.

Queryset filters on the model's own ``FilterField``\\s become a Whoosh filter
(a set of document numbers, cached while the index is unchanged). A filter
the index cannot answer (through a relation, or a lookup such as
``icontains``) raises ``NeedsDatabase``: the results then ask the database for
the primary keys the queryset allows, which is exact for any filter.
"""

import math

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Subquery
from django.db.models.expressions import Combinable
from django.db.models.sql import Query
from django.db.models.sql.constants import MULTI, SINGLE
from modelsearch.backends.base import BaseSearchQueryCompiler
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from whoosh import query as wq

from ..engine import analysis
from ..engine.schema import ALL_TEXT
from .mapping import mapping_for, model_label, searchable_columns

# Markers for "every document" and "no document" while combining.
ALL = wq.Every()
NONE = wq.NullQuery


class NeedsDatabase(Exception):
    """A filter that only the database can evaluate."""


def _fuzzy_distance(term):
    # As Elasticsearch's "AUTO": exact below 3 letters, 1 edit up to 5, then 2.
    return 0 if len(term) < 3 else 1 if len(term) <= 5 else 2


def _and(parts):
    """AND of compiled parts; ``None`` parts (no words) don't constrain."""
    if parts and all(p is None for p in parts):
        return None
    parts = [p for p in parts if p is not None and p is not ALL]
    if any(p is NONE for p in parts):
        return NONE
    if not parts:
        return ALL
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _or(parts):
    """OR of compiled parts; ``None`` parts (no words) add nothing."""
    if parts and all(p is None for p in parts):
        return None
    parts = [p for p in parts if p is not None and p is not NONE]
    if any(p is ALL for p in parts):
        return ALL
    if not parts:
        return NONE
    return parts[0] if len(parts) == 1 else wq.Or(parts)


class WhooshSearchQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "and"
    HANDLES_ORDER_BY_EXPRESSIONS = True
    COLUMN_KIND = "t"
    ANALYSIS_KIND = "text"
    # Beyond this many distinct words a query only gets slower, not better.
    MAX_TERMS = 32
    # Longer "in" lists are cheaper to check in the database.
    MAX_IN_VALUES = 1024

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.model = self.queryset.model
        self.mapping = mapping_for(self.model)
        self.label = model_label(self.model)

    # Text

    def columns(self, all_text=False):
        if all_text and self.fields is None and self.COLUMN_KIND == "t":
            # Every field of the document, each word weighted by its field's boost (see schema.AllTextField).
            return ((ALL_TEXT, 1.0),) if searchable_columns(self.model) else ()
        return searchable_columns(self.model, self.COLUMN_KIND, self.fields)

    def compile_text(self, language, all_text=False):
        """The Whoosh query for the text part: a query, ``ALL`` or ``NONE``.

        ``all_text``: the index has the all-text column (indexes built before it did not).
        """
        columns = self.columns(all_text)
        if not columns:
            return NONE
        compiled = self._compile(self.query, columns, 1.0, language)
        return NONE if compiled is None else compiled

    def terms(self, text, language, unique=True):
        found = analysis.terms(text, language, self.ANALYSIS_KIND)
        if unique:
            found = list(dict.fromkeys(found))
        return found[: self.MAX_TERMS]

    def _term(self, term, columns, boost):
        return _or([wq.Term(column, term, boost=boost * weight) for column, weight in columns])

    def _compile(self, query, columns, boost, language):
        if isinstance(query, MatchAll):
            return ALL
        if isinstance(query, PlainText):
            terms = self.terms(query.query_string, language)
            if not terms:
                return None
            parts = [self._term(t, columns, boost * query.boost) for t in terms]
            return _and(parts) if query.operator == "and" else _or(parts)
        if isinstance(query, Phrase):
            terms = self.terms(query.query_string, language, unique=False)
            if not terms:
                return None
            if len(terms) == 1 or self.COLUMN_KIND != "t":
                return _and([self._term(t, columns, boost) for t in terms])
            return _or([wq.Phrase(column, terms, boost=boost * w) for column, w in columns])
        if isinstance(query, Fuzzy):
            terms = self.terms(query.query_string, language)
            if not terms:
                return None
            parts = [
                _or([wq.FuzzyTerm(column, t, boost=boost * w, maxdist=_fuzzy_distance(t)) for column, w in columns])
                for t in terms
            ]
            return _and(parts) if query.operator == "and" else _or(parts)
        if isinstance(query, Boost):
            return self._compile(query.subquery, columns, boost * query.boost, language)
        if isinstance(query, Not):
            inner = self._compile(query.subquery, columns, boost, language)
            if inner is None:
                return None
            if inner is ALL:
                return NONE
            if inner is NONE:
                return ALL
            return wq.Not(inner)
        if isinstance(query, And):
            return _and([self._compile(q, columns, boost, language) for q in query.subqueries])
        if isinstance(query, Or):
            return _or([self._compile(q, columns, boost, language) for q in query.subqueries])
        raise NotImplementedError(f"`{query.__class__.__name__}` is not supported by the Whoosh search backend.")

    # Filters

    def compile_filter(self):
        """The queryset's filter as a Whoosh query, ``None`` (no filter) or ``NONE``.

        Raises ``NeedsDatabase`` if the index cannot express it.
        """
        return self._get_filters_from_queryset()

    def _process_match_none(self):
        return NONE

    def _connect_filters(self, filters, connector, negated):
        if not filters:
            return None
        combined = _and(filters) if connector == "AND" else _or(filters)
        if negated:
            if combined is ALL:
                return NONE
            if combined is NONE:
                return ALL
            return wq.Not(combined)
        return combined

    def _subquery_values(self, value, result_type):
        db_alias = self.queryset._db or DEFAULT_DB_ALIAS
        query = value.query if isinstance(value, Subquery) else value
        rows = query.get_compiler(db_alias).execute_sql(result_type=result_type)
        if result_type == SINGLE:
            return rows[0] if rows else None
        return [row[0] for chunk in rows for row in chunk]

    def _process_lookup(self, field_path, lookup, value):
        if len(field_path) != 1:
            # Whoosh documents are flat: "the same related object matches
            # both conditions" can't be expressed. The database knows.
            raise NeedsDatabase
        column = self.mapping.filter_columns.get(field_path[0].field_name)
        if column is None or isinstance(value, Combinable) and not isinstance(value, Subquery):
            raise NeedsDatabase
        name = column.name
        try:
            if lookup == "exact":
                if isinstance(value, (Query, Subquery)):
                    value = self._subquery_values(value, SINGLE)
                    if value is None:
                        return NONE
                return wq.Term(name, column.encode(value))
            if lookup == "in":
                if isinstance(value, (Query, Subquery)):
                    value = self._subquery_values(value, MULTI)
                values = list(value)
                if len(values) > self.MAX_IN_VALUES:
                    raise NeedsDatabase
                encoded = {column.encode(v) for v in values if v is not None}
                return _or([wq.Term(name, v) for v in sorted(encoded, key=repr)])
            if lookup == "isnull":
                null = wq.Term("nulls", name)
                return null if value else wq.Not(null)
            if lookup in ("gt", "gte", "lt", "lte"):
                encoded = column.encode(value)
                start = encoded if lookup in ("gt", "gte") else None
                end = encoded if lookup in ("lt", "lte") else None
                return self._range(column, start, end, lookup == "gt", lookup == "lt")
            if lookup == "range":
                low, high = value
                return self._range(column, column.encode(low), column.encode(high), False, False)
            if lookup in ("startswith", "prefix") and column.kind == "str":
                return wq.Prefix(name, column.encode(value))
        except (TypeError, ValueError, AttributeError, ArithmeticError, ValidationError):
            # A value the index can't encode: let the database judge it.
            raise NeedsDatabase from None
        raise NeedsDatabase

    @staticmethod
    def _range(column, start, end, startexcl, endexcl):
        if column.kind == "str":
            return wq.TermRange(column.name, start, end, startexcl, endexcl)
        if isinstance(start, float) and math.isnan(start) or isinstance(end, float) and math.isnan(end):
            raise NeedsDatabase
        return wq.NumericRange(column.name, start, end, startexcl, endexcl)


class WhooshAutocompleteQueryCompiler(WhooshSearchQueryCompiler):
    """Every word of the query matches as the start of a word (edge n-grams)."""

    COLUMN_KIND = "p"
    ANALYSIS_KIND = "prefix"
