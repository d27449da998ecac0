"""The bulk segment writer used by rebuilds writes an index that answers every
query exactly as one written by Whoosh's own writer (no database needed)."""

import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh.query import Phrase, Term

from search.engine.schema import build_schema
from search.engine.writer import BulkSegmentWriter

VOCABULARY = ["tirocini", "formazione", "lavoro", "giovani", "rete", "orto", "casa", "corso"]
TERMS = ["tirocin", "formazion", "lavor", "giovan", "ret", "ort", "cas", "cors"]

documents = st.lists(
    st.fixed_dictionaries(
        {
            "body__t": st.lists(st.sampled_from(VOCABULARY), max_size=40).map(" ".join),
            "live__i": st.sampled_from([0, 1]),
            "ctype": st.just(["wagtailcore.page"]),
        }
    ),
    min_size=1,
    max_size=300,
)


def build(docs, bulk, start=0):
    ix = whoosh_index.create_in(tempfile.mkdtemp(), build_schema("it"))
    writer = BulkSegmentWriter(ix) if bulk else ix.writer()
    for n, doc in enumerate(docs, start=start):
        writer.add_document(pk=str(n), **doc)
    writer.commit()
    return ix


def answers(ix):
    """What each query finds, as {(pk, score)} (merges renumber documents)."""
    with ix.searcher() as searcher:
        pks = searcher.reader().column_reader("pk")
        queries = [Term("body__t", t) for t in TERMS] + [Term("live__i", 1)]
        queries += [Phrase("body__t", ["tirocin", "formazion"])]
        return [{(pks[hit.docnum], round(hit.score, 4)) for hit in searcher.search(q, limit=None)} for q in queries]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_bulk_written_index_answers_like_whooshs_own(docs):
    assert answers(build(docs, bulk=True)) == answers(build(docs, bulk=False))


def merge(ix, docs, start):
    writer = ix.writer()
    for n, doc in enumerate(docs, start=start):
        writer.add_document(pk=str(n), **doc)
    writer.commit(optimize=True)
    return ix


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, documents)
def test_whooshs_writer_merges_a_bulk_written_index_like_its_own(first, second):
    # Live updates use Whoosh's writer, which merges segments the bulk writer wrote.
    merged = merge(build(first, bulk=True), second, start=len(first))
    expected = merge(build(first, bulk=False), second, start=len(first))

    assert answers(merged) == answers(expected)
