"""Our BM25F scorer gives Whoosh's BM25F scores, faster (no database needed)."""

from hypothesis import HealthCheck, given, settings
from whoosh import scoring
from whoosh.query import And, Or, Term

from search.backend.scoring import FastBM25F

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
