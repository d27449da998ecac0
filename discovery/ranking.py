"""How /cerca/ orders what it finds.

1. Pages with every word of the query (or a synonym of it) come first, pages
   with only some of them after: nobody loses a good partial match because
   one word was missing, and a page with all the words is never below one
   without them.
2. Within each group, the backend's relevance (BM25 over the fields, the title
   weighing most), plus a bonus where the words appear together, as typed.
3. Fresher pages get a slight lift (at most ``FRESHNESS_BONUS``, halving every
   ``FRESHNESS_HALF_LIFE_DAYS``), unless the query names a year.
"""

import itertools
import math
import re

from django.utils import timezone
from modelsearch.query import And, Boost, Or, Phrase, PlainText
from wagtail.models import Page

from search import extras
from search.ids import ids_in

from . import synonyms

MAX_HITS = 1000
PHRASE_BOOST = 2.0
SYNONYM_WEIGHT = 0.8  # the words typed rank a little above their synonyms
FRESHNESS_BONUS = 0.15
FRESHNESS_HALF_LIFE_DAYS = 365
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _unit_query(typed, alternatives, boosts):
    def one(text):
        return Phrase(text) if len(text.split()) > 1 else PlainText(text)

    if not alternatives:
        return one(typed)
    if not boosts:
        return Or([one(typed)] + [one(alt) for alt in alternatives])
    return Or([one(typed)] + [Boost(one(alt), SYNONYM_WEIGHT) for alt in alternatives])


def build_query(query, operator, synonym_table=None, boosts=True):
    """The backend query for ``query``: every unit ("and") or any unit ("or"),
    with the phrase bonus and the synonyms' lower weight if ``boosts``
    (Wagtail's database backends do not take ``Boost``)."""
    units = synonyms.units(query, synonym_table or {})
    parts = [_unit_query(typed, alternatives, boosts) for typed, alternatives in units]
    combined = parts[0] if len(parts) == 1 else (And(parts) if operator == "and" else Or(parts))
    words = synonyms.WORD_RE.findall(query)
    if boosts and len(words) > 1:
        # Every page the phrase matches has every word: the "and" group does not grow.
        combined = Or([combined, Boost(Phrase(" ".join(words)), PHRASE_BOOST)])
    return combined


def _freshness(published, now):
    if published is None:
        return 1.0
    age_days = max((now - published).total_seconds() / 86400, 0)
    return 1 + FRESHNESS_BONUS * math.pow(0.5, age_days / FRESHNESS_HALF_LIFE_DAYS)


def _higher_is_better(scores):
    # Whoosh's BM25 is; SQLite's FTS5 gives negative ranks, lower better: there the order is kept.
    return all(score >= 0 for score in scores) and all(a >= b for a, b in itertools.pairwise(scores))


def with_freshness(scored, query):
    """``scored`` [(pk, score)] re-sorted by score × freshness (unless the query
    names a year, or the scores are not "higher is better")."""
    if not scored or _YEAR.search(query) or not _higher_is_better([score for _pk, score in scored]):
        return [pk for pk, _score in scored]
    published = dict(
        Page.objects.filter(ids_in("pk", [pk for pk, _ in scored])).order_by().values_list("pk", "last_published_at")
    )
    now = timezone.now()
    order = {pk: i for i, (pk, _score) in enumerate(scored)}
    rescored = sorted(scored, key=lambda item: (-item[1] * _freshness(published.get(item[0]), now), order[item[0]]))
    return [pk for pk, _score in rescored]


class Ranking:
    """The ranked ids of one query: ``full`` (every word), then ``partial``."""

    def __init__(self, full, partial):
        self.full = full
        self.partial = partial

    @property
    def pks(self):
        return self.full + self.partial


# How much of the query a backend is asked to take, richest first.
STYLES = ("boosted", "unboosted", "plain")


def rank(queryset, query, style="boosted", search=extras.ranked_ids):
    """A ``Ranking`` of ``queryset``'s pages for ``query``, at most ``MAX_HITS`` in all.

    ``style``: "boosted" (synonyms, phrase bonus), "unboosted" (synonyms
    only), "plain" (the words alone), for backends that cannot take more.
    ``search(queryset, query, limit, operator=...)`` returns [(pk, score)];
    what it raises goes to the caller.
    """
    plain = style == "plain"
    table = {} if plain else synonyms.table()
    units = synonyms.units(query, table)
    if not units:
        return Ranking([], [])

    def run(operator):
        if plain:
            text = " ".join(synonyms.WORD_RE.findall(query))
        else:
            text = build_query(query, operator, table, boosts=style == "boosted")
        return search(queryset, text, MAX_HITS, operator=operator)

    full = with_freshness(run("and"), query)
    partial = []
    if len(units) > 1 and len(full) < MAX_HITS:
        in_full = set(full)
        partial = with_freshness([(pk, s) for pk, s in run("or") if pk not in in_full], query)
        partial = partial[: MAX_HITS - len(full)]
    return Ranking(full, partial)
