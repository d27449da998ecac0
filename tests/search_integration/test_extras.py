"""search.extras on our backend, and on Wagtail's database backend where they
must return empty values instead of failing (the views fall back on plainer
content)."""

import pytest
from wagtail.models import Page

from ciao.models import StandardPage
from search import extras

pytestmark = pytest.mark.django_db


def visible():
    """What a visitor may see: the queryset ``search.extras`` asks its callers for."""
    return Page.objects.live().public()


def test_highlight_marks_the_matching_words_in_an_escaped_excerpt(any_backend, publish):
    page = publish(
        "Orari dello sportello",
        body="Lo sportello &lt;b&gt;aperto&lt;/b&gt; il lunedì accoglie chi cerca tirocini e corsi.",
    )

    excerpt = extras.highlight(page, "tirocinio")

    if any_backend == "database":
        assert excerpt == ""
    else:
        assert "<mark>tirocini</mark>" in excerpt
        assert "<b>" not in excerpt and "&lt;b&gt;" in excerpt


def test_highlight_falls_back_on_the_title_when_only_the_title_matches(whoosh, publish):
    page = publish("Tirocini estivi", body="Informazioni utili per l'estate.")

    assert extras.highlight(page, "tirocini") == "<mark>Tirocini</mark> estivi"


def test_an_excerpt_is_a_sentence_of_the_field_that_matched(whoosh, publish):
    page = publish(
        "Percorso",
        intro="Abbinamento con l'azienda del territorio.",
        body="Ogni tirocinio è accompagnato da un tutor. Le imprese ospitanti firmano una convenzione.",
    )

    excerpt = extras.highlight(page, "tirocinio")

    assert excerpt == "Ogni <mark>tirocinio</mark> è accompagnato da un tutor."


def test_an_excerpt_is_never_a_run_of_labels(whoosh, publish):
    # The query's word is only in a short run ("Tirocini avviati"), like an indicator's name.
    page = publish("Percorso", body="Tirocini avviati\nImprese ospitanti\nMelegnano")

    assert extras.highlight(page, "tirocinio") == ""


def test_the_sentence_with_most_of_the_words_is_chosen(whoosh, publish):
    page = publish(
        "Percorso",
        intro="Un tirocinio per chi cerca lavoro.",
        body="Il tirocinio in cucina dura sei mesi, con un tutor in cucina.",
    )

    assert extras.highlight(page, "tirocinio cucina").startswith("Il <mark>tirocinio</mark> in <mark>cucina</mark>")


def test_an_excerpt_cut_inside_a_sentence_says_so(whoosh, publish):
    filler = "una frase lunga che racconta il quartiere e le sue associazioni " * 6
    page = publish("Percorso", body=f"Inizio: {filler}poi i tirocini in azienda {filler}fine.")

    excerpt = extras.highlight(page, "tirocinio")

    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert "<mark>tirocini</mark> in azienda" in excerpt


def test_highlight_of_unrelated_words_is_empty(whoosh, publish):
    page = publish("Orto condiviso", body="Coltiviamo insieme.")

    assert extras.highlight(page, "sartoria") == ""


def test_facet_counts_for_several_fields_at_once(any_backend, publish):
    publish("Rete territoriale")
    publish("Rete di servizi")
    results = StandardPage.objects.live().search("rete")

    counts = extras.facet_counts(results, ["content_type", "show_in_menus"])

    if any_backend == "database":
        assert counts == {}
    else:
        assert list(counts["content_type"].values()) == [2]
        assert dict(counts["show_in_menus"]) == {False: 2}


def test_spelling_suggestion_offers_a_real_word(any_backend, publish):
    publish("Tirocini di inclusione", body="Percorsi di formazione per giovani.")

    suggestion = extras.spelling_suggestion("tirocinni formazzione", visible())

    if any_backend == "database":
        assert suggestion is None
    else:
        assert suggestion == "tirocini formazione"


def test_no_spelling_suggestion_when_every_word_is_known(whoosh, publish):
    publish("Tirocini di inclusione")

    assert extras.spelling_suggestion("tirocini", visible()) is None
    assert extras.spelling_suggestion("xqzwv", visible()) is None


def test_more_like_this_finds_pages_on_the_same_subject(any_backend, publish):
    page = publish("Orti urbani", body="Coltivare ortaggi negli orti condivisi del quartiere.")
    publish("Orti nelle scuole", body="Gli studenti coltivano ortaggi nell'orto della scuola.")
    publish("Corso di cucina", body="Ricette semplici e veloci.")

    similar = extras.more_like_this(page, visible())

    if any_backend == "database":
        assert similar == []
    else:
        assert [p.title for p in similar] == ["Orti nelle scuole"]


@pytest.mark.parametrize("query", ["", '"', "\x00", "🙂", "x" * 10_000, "AND OR NOT *"])
def test_extras_never_raise(any_backend, publish, query):
    page = publish("Pagina qualsiasi", body="Testo qualsiasi.")
    results = Page.objects.live().search(query) if query.strip() else Page.objects.none()

    assert isinstance(extras.highlight(page, query), str)
    assert isinstance(extras.facet_counts(results, ["content_type"]), dict)
    assert extras.spelling_suggestion(query, visible()) is None or isinstance(
        extras.spelling_suggestion(query, visible()), str
    )
    assert isinstance(extras.more_like_this(page, visible()), list)


def test_forse_cercavi_never_offers_a_word_only_non_public_content_has(whoosh, publish):
    from wagtail.models import PageViewRestriction

    publish("Tirocini di inclusione", body="Percorsi per giovani.")
    publish("Bozza riservata", body="Il progetto zefirantina parte a marzo.", live=False)
    private = publish("Area dei partner", body="Le note sulla peronospora del gruppo.")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert extras.spelling_suggestion("zefirentina", visible()) is None
    assert extras.spelling_suggestion("peronispora", visible()) is None
    # A word only a draft has does not pass for known, either: the visitor's typo is corrected.
    assert extras.spelling_suggestion("tirocinni zefirantina", visible()) == "tirocini zefirantina"


def test_forse_cercavi_offers_the_word_once_its_page_is_public(whoosh, publish):
    page = publish("Bozza", body="Il progetto zefirantina parte a marzo.", live=False)
    assert extras.spelling_suggestion("zefirentina", visible()) is None

    page.save_revision().publish()

    assert extras.spelling_suggestion("zefirentina", visible()) == "zefirantina"


def test_an_excerpt_does_not_repeat_itself(whoosh, publish):
    page = publish(
        "Colloqui",
        body="Colloqui di lavoro: come prepararsi. Colloqui di lavoro: come prepararsi con una simulazione.",
    )

    assert extras.highlight(page, "colloqui").count("come prepararsi") == 1
