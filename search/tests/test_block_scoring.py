"""Scoring whole queries block by block gives what Whoosh gives: the same documents, scores and order."""

import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import fields
from whoosh import index as whoosh_index
from whoosh.query import And, FuzzyTerm, Or, Phrase, Term

from search.engine import analysis, block_scoring
from search.engine.schema import ALL_TEXT, AllTextField, build_schema
from search.engine.scoring import FastBM25F
from search.engine.writer import BulkSegmentWriter, replace_documents

from .test_writer import VOCABULARY

TERMS = [analysis.terms(word, "it")[0] for word in VOCABULARY]

texts = st.lists(st.sampled_from(VOCABULARY), max_size=30).map(" ".join)
documents = st.lists(st.fixed_dictionaries({"title": texts, "body": texts}), min_size=1, max_size=120)


def document(pk, doc):
    return {
        "pk": str(pk),
        "ctype": ["wagtailcore.page"],
        "title__t": doc["title"],
        "body__t": doc["body"],
        ALL_TEXT: [(doc["title"], 2.0), (doc["body"], 1.0)],
    }


def build(docs):
    """An index of several segments (a bulk one, then live writes) with deletions in it."""
    ix = whoosh_index.create_in(tempfile.mkdtemp(), build_schema("it"))
    half = len(docs) // 2
    writer = BulkSegmentWriter(ix)
    for pk, doc in enumerate(docs[:half]):
        writer.add_document(**document(pk, doc))
    writer.commit()
    for start in range(half, len(docs), 7):
        writer = ix.writer()
        batch = [document(pk, doc) for pk, doc in enumerate(docs[start : start + 7], start=start)]
        replace_documents(writer, batch, delete_pks=[str(start // 3)] if len(docs) > 20 else [])
        writer.commit(merge=False)
    return ix


QUERIES = [
    Term(ALL_TEXT, TERMS[0]),
    Term("body__t", TERMS[1], boost=1.5),
    And([Term(ALL_TEXT, TERMS[0]), Term(ALL_TEXT, TERMS[1])]),
    Or([Term(ALL_TEXT, t) for t in TERMS[:4]]),
    Or([And([Term(ALL_TEXT, TERMS[0]), Term(ALL_TEXT, TERMS[1])]), Phrase(ALL_TEXT, TERMS[:2], boost=2.0)]),
    Or([Term(ALL_TEXT, TERMS[2]), Phrase(ALL_TEXT, TERMS[1:4], boost=2.0)]),
    Phrase(ALL_TEXT, [TERMS[0], TERMS[0]]),
    Or([Term("title__t", TERMS[0], boost=2.0), Term("body__t", TERMS[0])]),
    Term(ALL_TEXT, "nessunaparola"),
]


def whooshs(searcher, query):
    hits = searcher.search(query, limit=None)
    return [(hit.docnum, round(hit.score, 6)) for hit in hits]


def ours(searcher, query, memo):
    found = block_scoring.scores(searcher, query, memo)
    return [(docnum, round(score, 6)) for docnum, score in block_scoring.top(found, None, None)]


def by_score(ranking):
    # Sums in another order may differ in the last bit: equal scores are compared rounded.
    return sorted(ranking, key=lambda hit: (-hit[1], hit[0]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_documents_scores_and_order_are_whooshs(docs):
    ix = build(docs)
    memo = block_scoring.Memo()
    with ix.searcher(weighting=FastBM25F()) as searcher:
        for query in QUERIES + QUERIES:  # the second time from the memo
            assert by_score(ours(searcher, query, memo)) == by_score(whooshs(searcher, query)), query


def test_ties_keep_the_index_order_and_allowed_documents_only():
    ix = build([{"title": "tirocini", "body": ""}] * 5)
    with ix.searcher(weighting=FastBM25F()) as searcher:
        found = block_scoring.scores(searcher, Term(ALL_TEXT, TERMS[0]))
        ranked = block_scoring.top(found, {4, 1, 3}, limit=2)
    assert [docnum for docnum, _score in ranked] == [1, 3]


def test_a_phrase_does_not_run_from_one_field_into_the_next():
    ix = build([{"title": "corso di cucito", "body": "tirocini giovani"}])
    with ix.searcher(weighting=FastBM25F()) as searcher:
        assert block_scoring.scores(searcher, Phrase(ALL_TEXT, analysis.terms("cucito tirocini", "it"))) == {}
        assert whooshs(searcher, Phrase(ALL_TEXT, analysis.terms("cucito tirocini", "it"))) == []
        assert list(block_scoring.scores(searcher, Phrase(ALL_TEXT, analysis.terms("tirocini giovani", "it")))) == [0]


def test_a_word_weighs_as_much_as_its_fields_boost():
    ix = build([{"title": "", "body": "orto"}, {"title": "orto", "body": ""}])
    with ix.searcher(weighting=FastBM25F()) as searcher:
        ranked = block_scoring.top(
            block_scoring.scores(searcher, Term(ALL_TEXT, analysis.terms("orto", "it")[0])), None, None
        )
    assert [docnum for docnum, _score in ranked] == [1, 0]


def test_other_queries_and_scorers_are_left_to_whoosh():
    ix = build([{"title": "tirocini", "body": ""}])
    with ix.searcher(weighting=FastBM25F()) as searcher:
        assert block_scoring.scores(searcher, FuzzyTerm(ALL_TEXT, "tirocnio")) is None
    with ix.searcher() as searcher:
        assert block_scoring.scores(searcher, Term(ALL_TEXT, TERMS[0])) is None


def test_the_memo_holds_a_bounded_number_of_scores(monkeypatch):
    monkeypatch.setattr(block_scoring.Memo, "POSTINGS", 3)
    memo = block_scoring.Memo()
    memo.put("a", {1: 1.0, 2: 1.0})
    memo.put("big", {1: 1.0, 2: 1.0, 3: 1.0, 4: 1.0})
    assert memo.get("big") is None and memo.get("a") is not None
    memo.put("b", {1: 1.0, 2: 1.0})
    assert memo.get("a") is None and memo.get("b") is not None


def test_an_index_without_the_all_text_column_takes_documents_without_it():
    schema = build_schema("it")
    schema.remove(ALL_TEXT)
    ix = whoosh_index.create_in(tempfile.mkdtemp(), schema)
    writer = ix.writer()
    replace_documents(writer, [document(1, {"title": "tirocini", "body": ""})])
    writer.commit()
    with ix.searcher() as searcher:
        assert [hit["pk"] for hit in searcher.search(Term("title__t", TERMS[0]))] == ["1"]
    assert isinstance(build_schema("it")[ALL_TEXT], AllTextField) and isinstance(
        build_schema("it")[ALL_TEXT], fields.TEXT
    )
