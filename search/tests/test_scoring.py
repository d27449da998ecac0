"""Our BM25F scorer gives Whoosh's BM25F scores, faster (no database needed)."""

from hypothesis import HealthCheck, given, settings
from whoosh import scoring
from whoosh.query import And, Or, Term

from search.engine.scoring import FastBM25F

from .test_writer import TERMS, build, documents


def ranked(ix, weighting, query):
    with ix.searcher(weighting=weighting) as searcher:
        pks = searcher.reader().column_reader("pk")
        return [(pks[hit.docnum], round(hit.score, 6)) for hit in searcher.search(query, limit=20)]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_scores_and_ranking_are_whooshs_own(docs):
    ix = build(docs, bulk=True)
    queries = [Term("body__t", t) for t in TERMS]
    queries += [And([Term("body__t", TERMS[0]), Term("body__t", TERMS[1])])]
    queries += [Or([Term("body__t", t, boost=2.0) for t in TERMS[:3]])]
    for query in queries:
        assert ranked(ix, FastBM25F(), query) == ranked(ix, scoring.BM25F(), query)


def test_the_scorer_keeps_its_lengths_to_itself():
    ix = build([{"body__t": "tirocini formazione", "live__i": 1, "ctype": ["page"]}] * 3, bulk=True)
    query = Term("body__t", TERMS[0])
    with ix.searcher() as searcher:
        reader = searcher.reader()
        list(searcher.search(query))  # whatever Whoosh itself caches on the reader
        attributes = dict(vars(reader))
        weighting = FastBM25F()

        searcher.weighting = weighting
        list(searcher.search(query))

        assert vars(reader) == attributes
        assert weighting.lengths.get(reader, "body__t") is not None
