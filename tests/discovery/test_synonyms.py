"""Reading a query with the redazione's synonyms (no database)."""

from discovery.synonyms import build_table, split_terms, units


def test_terms_are_split_on_commas_and_tidied():
    assert split_terms(" cv ,  curriculum   vitae,,") == ["cv", "curriculum vitae"]


def test_equivalent_terms_find_each_other():
    table = build_table([("NEET, giovani che non studiano e non lavorano", "")])
    assert units("NEET Melegnano", table) == [
        ("NEET", ["giovani che non studiano e non lavorano"]),
        ("Melegnano", []),
    ]
    assert units("giovani che non studiano e non lavorano", table) == [
        ("giovani che non studiano e non lavorano", ["NEET"])
    ]


def test_a_one_way_entry_does_not_work_backwards():
    table = build_table([("cv", "curriculum")])
    assert units("CV europeo", table) == [("CV", ["curriculum"]), ("europeo", [])]
    assert units("curriculum", table) == [("curriculum", [])]


def test_the_longest_entry_wins_and_accents_do_not_matter():
    table = build_table([("curriculum, curriculum vitae", ""), ("identità digitale, SPID", "")])
    assert units("curriculum vitae", table) == [("curriculum vitae", ["curriculum"])]
    assert units("identita digitale", table) == [("identita digitale", ["SPID"])]


def test_entries_sharing_a_term_add_up():
    table = build_table([("cv", "curriculum"), ("cv", "curriculum vitae")])
    assert units("cv", table) == [("cv", ["curriculum", "curriculum vitae"])]


def test_quoted_words_are_one_unit():
    table = build_table([("L2", "lingua italiana")])
    assert units('"lingua italiana" L2 «corso serale»', table) == [
        ("lingua italiana", []),
        ("L2", ["lingua italiana"]),
        ("corso serale", []),
    ]
    assert units('"L2"', table) == [("L2", ["lingua italiana"])]
