"""The practice page: a clear reading order, indicators as a table, attachments with type and size."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from tests.factories.practices import make_document, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(index):
    document = make_document(title="Scheda di sintesi")
    return make_practice(
        index,
        title="Antenne di quartiere",
        tags=["scouting"],
        indicators=[("Persone segnalate", "1200", "persone", 2021), ("Ore", "12.5", "ore", None)],
        attachments=[(document, "CC-BY-SA-4.0")],
    )


@pytest.fixture
def html(client, practice):
    response = client.get(practice.url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_summary_box_comes_before_the_sections(html):
    order = [
        "<h1",
        "In sintesi",
        "Contesto e bisogno",
        "Obiettivi",
        "Come funziona",
        "Risorse e costi",
        "Risultati</h2>",
        "Prove e valutazione",
        "Per ripeterla in un altro ambito",
        "Allegati</h2>",
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_the_summary_box_names_ambito_period_target_themes_and_organisations(html):
    box = html[html.index("In sintesi") : html.index("</section>", html.index("In sintesi"))]
    for text in [
        "Sud Est Milano",
        "Carpiano",
        "Da gennaio 2021, in corso",
        "Donne",
        "Capacitazione",
        "A.S.S.E.MI",
        "Giulia Ferri",
        "mailto:giulia.ferri@example.org",
    ]:
        assert text in box


def test_indicators_are_a_table_with_italian_numbers(html):
    table = html[html.index('<table class="table table-sm practice-indicators">') :]
    table = table[: table.index("</table>")]
    assert "<caption>Indicatori</caption>" in table
    assert '<th scope="row">Persone segnalate</th><td class="text-end">1.200</td><td>persone</td>' in table
    assert '<td class="text-end">12,5</td>' in table


def test_attachments_show_type_size_and_licence(html, practice):
    document = practice.attachments.get().document
    assert f'<a href="{document.url}">Scheda di sintesi</a>' in html
    assert "(PDF," in html and "licenza CC BY-SA 4.0" in html


def test_tags_link_to_the_tag_page(html):
    assert 'href="/tag/scouting/"' in html


def test_a_print_stylesheet_is_linked_for_a4(html):
    assert 'practices/css/practice-print.css" media="print"' in html


def test_steps_are_an_ordered_list(html):
    steps = html[html.index('<ol class="practice-steps">') :]
    assert steps.index("Primo passo") < steps.index("Secondo passo") < steps.index("</ol>")


def test_drafts_are_not_served_and_private_practices_ask_for_a_login(client, index):
    draft = make_practice(index, publish=False)
    private = make_practice(index, private=True)
    assert client.get(draft.url).status_code == 404
    assert client.get(private.url).status_code == 302


def test_markup_cannot_be_saved_and_symbols_are_escaped(client, index):
    with pytest.raises(ValidationError):
        make_practice(index, summary="Due <b>grassetti</b>", contact_name="<script>x</script>")
    page = make_practice(index, summary='A&I dice "meno di <3 mesi"')
    assert "A&amp;I dice &quot;meno di &lt;3 mesi&quot;" in client.get(page.url).content.decode()


@override_settings(LANGUAGE_CODE="it")
def test_a_concluded_practice_shows_its_whole_period(client, index):
    import datetime

    page = make_practice(index, end_date=datetime.date(2022, 6, 30))
    assert "Gennaio 2021 – giugno 2022" in client.get(page.url).content.decode()
