"""How /cerca/ orders what the backend found (no database)."""

from modelsearch.query import And, Boost, Or, Phrase, PlainText

from discovery.ranking import build_query, with_freshness


def test_freshness_keeps_the_order_of_a_backend_whose_lower_scores_are_better():
    # SQLite's FTS5 ranks: negative, best first. Re-sorting them would put the worst first.
    assert with_freshness([(1, -9.5), (2, -3.0), (3, -0.5)], "tirocini") == [1, 2, 3]


def test_a_query_naming_a_year_keeps_the_relevance_order():
    assert with_freshness([(1, 3.0), (2, 2.0)], "relazione 2021") == [1, 2]


def test_every_word_is_required_with_a_bonus_for_the_phrase():
    query = build_query("tirocini Melegnano", "and", {})
    assert isinstance(query, Or)
    words, phrase = query.subqueries
    assert isinstance(words, And) and [q.query_string for q in words.subqueries] == ["tirocini", "Melegnano"]
    assert isinstance(phrase, Boost) and isinstance(phrase.subquery, Phrase)


def test_without_boosts_synonyms_are_plain_alternatives():
    query = build_query("cv", "and", {("cv",): ["curriculum"]}, boosts=False)
    assert isinstance(query, Or)
    assert [type(q) for q in query.subqueries] == [PlainText, PlainText]
    assert not any(isinstance(q, Boost) for q in query.subqueries)
