"""How text becomes index terms (no database needed)."""

from hypothesis import given
from hypothesis import strategies as st

from search.engine.analysis import fold, terms, words


def test_accents_and_case_are_folded():
    assert fold("Perché") == "perche"
    assert fold("CITTÀ") == "citta"


def test_inflected_forms_share_a_term():
    assert terms("tirocini", "it") == terms("tirocinio", "it")
    assert terms("formativi", "it") == terms("formativa", "it")
    assert terms("comunità", "it") == terms("comunita", "it")


def test_singular_and_plural_of_atorio_words_share_a_term():
    # Snowball stems "laboratori" to "labor" but "laboratorio" to "laborator".
    assert terms("laboratorio", "it") == terms("laboratori", "it")
    assert terms("osservatorio", "it") == terms("osservatori", "it")
    assert len({terms(w, "it")[0] for w in ("obbligatorio", "obbligatoria", "obbligatori", "obbligatorie")}) == 1
    assert terms("operatore", "it") == terms("operatori", "it") == terms("operatrice", "it")
    assert terms("oratorio", "it") == terms("oratori", "it")


def test_plural_and_gender_meet():
    for forms in (
        ("italiano", "italiana", "italiani", "italiane"),
        ("famiglia", "famiglie"),
        ("amica", "amiche", "amico", "amici"),
        ("corso", "corsi"),
        ("servizio", "servizi"),
    ):
        assert len({terms(w, "it")[0] for w in forms}) == 1, forms


def test_different_words_stay_apart():
    # Snowball's Italian stemmer joins each of these pairs.
    for one, other in (
        ("comunità", "comuni"),
        ("casa", "casi"),
        ("attività", "attivazione"),
        ("formazione", "formale"),
        ("lavoro", "lavorare"),
    ):
        assert terms(one, "it") != terms(other, "it"), (one, other)


def test_an_abbreviation_with_dots_is_one_word():
    assert terms("A.S.S.E.MI.", "it") == terms("assemi", "it") == terms("ASSEMI", "it")
    assert terms("il C.P.I. di zona", "it") == terms("CPI zona", "it")
    assert terms("Il.Progetto", "it") == terms("il progetto", "it")  # a missing space, not an abbreviation


def test_stop_words_and_elided_articles_are_dropped():
    assert terms("il tirocinio della città", "it") == terms("tirocinio città", "it")
    assert terms("dell'inclusione", "it") == terms("inclusione", "it")


def test_english_analysis_stems_english():
    assert terms("programming the books", "en") == terms("programmed book", "en")
    assert terms("programming", "it") != terms("programmed", "it")


def test_prefix_analysis_keeps_whole_words_folded():
    assert terms("Città Accessibile", "it", kind="prefix") == ["citta", "accessibile"]


def test_words_keep_what_was_typed():
    assert words('"Perché" AND città*') == ["Perché", "AND", "città"]


@given(st.text())
def test_any_text_gives_terms_without_error(text):
    found = terms(text, "it")
    assert all(found) and all(isinstance(t, str) for t in found)


ITALIAN = st.text(alphabet="abcdefghilmnopqrstuvzàèéìòù ABCDEÀÈÌÒÙ'", max_size=80)
UNACCENT = str.maketrans("àèéìòùÀÈÌÒÙ", "aeeiouAEIOU")


@given(ITALIAN)
def test_leaving_out_accents_never_changes_what_a_text_matches(text):
    assert terms(text.translate(UNACCENT), "it") == terms(text, "it")


@given(ITALIAN)
def test_case_never_changes_what_a_text_matches(text):
    assert terms(text.upper(), "it") == terms(text, "it") == terms(text.lower(), "it")
