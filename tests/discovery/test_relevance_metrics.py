"""The relevance measures and the reading of /cerca/'s results, on hand-computed examples (no database)."""

import math

import pytest

from tests.bench.relevance import ndcg_at, recall_at, result_paths
from tests.bench.relevance_judgments import GROUPS, QUERIES

JUDGED = {"/a/": 3, "/b/": 2, "/c/": 1}


def test_ndcg_is_one_in_the_ideal_order():
    assert ndcg_at(["/a/", "/b/", "/c/"], JUDGED) == pytest.approx(1.0)


def test_ndcg_by_hand():
    # Returned: c, x (unjudged), a. DCG = 1/log2(2) + 0 + 7/log2(4) = 1 + 3.5 = 4.5.
    # Ideal: a, b, c. DCG = 7/1 + 3/log2(3) + 1/log2(4) = 7 + 1.892789 + 0.5 = 9.392789.
    ideal = 7 + 3 / math.log2(3) + 0.5
    assert ndcg_at(["/c/", "/x/", "/a/"], JUDGED) == pytest.approx(4.5 / ideal)
    assert ndcg_at(["/c/", "/x/", "/a/"], JUDGED) == pytest.approx(0.479091, abs=1e-6)


def test_ndcg_is_zero_when_nothing_relevant_is_returned():
    assert ndcg_at(["/x/", "/y/"], JUDGED) == 0
    assert ndcg_at([], JUDGED) == 0


def test_ndcg_looks_at_the_first_ten_only():
    eleven = [f"/x{i}/" for i in range(10)] + ["/a/"]
    assert ndcg_at(eleven, JUDGED) == 0


def test_ndcg_ideal_is_cut_at_ten():
    # Twelve grade-1 pages: the ideal top 10 holds ten of them, so ten found is perfect.
    many = {f"/p{i}/": 1 for i in range(12)}
    assert ndcg_at([f"/p{i}/" for i in range(10)], many) == pytest.approx(1.0)


def test_a_page_listed_twice_counts_once():
    assert ndcg_at(["/b/", "/b/"], {"/b/": 2}) == pytest.approx(1.0)
    assert ndcg_at(["/c/", "/c/", "/a/"], JUDGED) == ndcg_at(["/c/", "/a/"], JUDGED)
    assert recall_at(["/c/", "/c/"], JUDGED) == pytest.approx(1 / 3)


def test_recall_by_hand():
    assert recall_at(["/c/", "/x/", "/a/"], JUDGED) == pytest.approx(2 / 3)
    assert recall_at(["/x/"], JUDGED) == 0
    assert recall_at(["/b/", "/a/", "/c/"], JUDGED) == 1


def test_recall_with_more_than_ten_relevant_pages_divides_by_ten():
    many = {f"/p{i}/": 1 for i in range(15)}
    assert recall_at([f"/p{i}/" for i in range(10)], many) == 1
    assert recall_at([f"/p{i}/" for i in range(5)] + ["/x/"] * 5, many) == pytest.approx(0.5)


def test_recall_looks_at_the_first_ten_only():
    eleven = [f"/x{i}/" for i in range(10)] + ["/a/"]
    assert recall_at(eleven, JUDGED) == 0


def test_a_query_without_relevant_pages_is_refused():
    with pytest.raises(ValueError):
        ndcg_at(["/a/"], {})
    with pytest.raises(ValueError):
        recall_at(["/a/"], {})


SEARCH_PAGE = """
<nav><a href="/buone-pratiche/">Buone pratiche</a></nav>
<ul class="list-unstyled search-promotions">
  <li class="search-result promoted mb-4"><h3><a href="/chi-siamo/">Chi siamo</a></h3></li>
</ul>
<ol class="list-unstyled search-results" start="1">
  <li class="search-result mb-4">
    <p class="result-type">Buona pratica · <a href="/tag/tirocini/">tirocini</a></p>
    <h3 class="h5 mb-1"><a href="/buone-pratiche/tirocini-logistica-assago/">Tirocini</a></h3>
    <p class="result-excerpt">I <mark>tirocini</mark> <a href="/altro/">altro</a></p>
  </li>
  <li class="mb-4 search-result">
    <h3><a href="http://127.0.0.1:8000/eventi/orientamento-tirocini/?x=1">Giornata</a></h3>
  </li>
  <li class="search-result"><h3><a href="/materiali/diario-di-stage/">Diario</a></h3></li>
</ol>
<nav class="pagination"><ol><li><a href="?q=tirocini&amp;pagina=2">2</a></li></ol></nav>
"""


def test_result_paths_in_order_without_promotions_or_other_links():
    assert result_paths(SEARCH_PAGE) == [
        "/buone-pratiche/tirocini-logistica-assago/",
        "/eventi/orientamento-tirocini/",
        "/materiali/diario-di-stage/",
    ]


def test_result_paths_of_a_page_without_results():
    assert result_paths('<p class="lead">Nessun risultato.</p><ul><li><a href="/eventi/x/">x</a></li></ul>') == []


def test_judgments_are_well_formed():
    texts = [q.text for q in QUERIES]
    assert len(texts) >= 45
    assert len(set(texts)) == len(texts), "a query is judged twice"
    assert {q.group for q in QUERIES} == set(GROUPS)
    for query in QUERIES:
        assert query.judgments, query.text
        for url, grade in query.judgments.items():
            assert url.startswith("/") and url.endswith("/"), (query.text, url)
            assert grade in (1, 2, 3), (query.text, url, grade)
