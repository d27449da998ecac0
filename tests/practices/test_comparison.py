"""«Confronto tra ambiti»: counts per ambito and theme, indicator sums per unit, all from live pages."""

import re
from decimal import Decimal

import pytest

from ciao.models import Ambito, Theme
from practices.comparison import ambito_comparison
from tests.factories.practices import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(index):
    return [
        make_practice(
            index,
            ambito="sud-est-milano",
            themes=["occupazione", "inclusione"],
            indicators=[("Persone accolte", "40", "persone", 2021), ("Ore", "20", "ore", 2021)],
        ),
        make_practice(
            index,
            ambito="sud-est-milano",
            themes=["occupazione"],
            indicators=[("Persone formate", "12.5", "Persone", 2022)],
        ),
        make_practice(
            index, ambito="corsichese", themes=["attivazione"], indicators=[("Persone accolte", "7", "persone", 2021)]
        ),
        make_practice(index, ambito="paullese", themes=["inclusione"], indicators=[("Eventi", "3", "eventi", 2022)]),
        # Hidden: their numbers must show nowhere.
        make_practice(
            index,
            ambito="corsichese",
            themes=["attivazione"],
            publish=False,
            indicators=[("Persone accolte", "1000", "persone", 2021)],
        ),
        make_practice(
            index,
            ambito="paullese",
            themes=["occupazione"],
            private=True,
            indicators=[("Persone accolte", "2000", "persone", 2021)],
        ),
    ]


def matrix(comparison):
    return {
        (row.ambito.slug, theme.slug): cell.count
        for row in comparison.rows
        for theme, cell in zip(comparison.themes, row.cells, strict=True)
    }


def test_matrix_counts_live_public_practices_per_ambito_and_theme(index, practices):
    comparison = ambito_comparison(index)
    visible = index.practices()
    for ambito in Ambito.objects.all():
        for theme in Theme.objects.all():
            expected = visible.filter(ambito=ambito, themes=theme).count()
            assert matrix(comparison)[(ambito.slug, theme.slug)] == expected
    assert matrix(comparison)[("corsichese", "attivazione")] == 1  # the draft does not count
    assert matrix(comparison)[("paullese", "occupazione")] == 0  # nor the private one
    assert [row.total for row in comparison.rows] == [1, 1, 2, 0]  # Corsichese, Paullese, Sud Est, Visconteo
    assert comparison.total == 4


def test_each_cell_links_to_the_filtered_listing_with_the_same_count(client, index, practices):
    comparison = ambito_comparison(index)
    row = next(r for r in comparison.rows if r.ambito.slug == "sud-est-milano")
    cell = row.cells[[t.slug for t in comparison.themes].index("occupazione")]
    assert cell.url == f"{index.url}?ambito=sud-est-milano&tema=occupazione"
    html = client.get(cell.url).content.decode()
    assert f"{cell.count} buone pratiche" in html


def test_indicators_are_summed_per_ambito_where_units_match(index, practices):
    charts = {chart.unit: chart for chart in ambito_comparison(index).charts}
    people = {bar.ambito.slug: bar.value for bar in charts["persone"].bars}
    assert people == {
        "corsichese": Decimal("7"),
        "paullese": 0,
        "sud-est-milano": Decimal("52.5"),
        "visconteo-sud-milano": 0,
    }
    assert charts["persone"].names == ["Persone accolte", "Persone formate"]
    # Units only one ambito reports are listed apart, not charted.
    assert "ore" not in charts and "eventi" not in charts
    singles = {(chart.unit, bar.ambito.slug) for chart, bar in ambito_comparison(index).single_ambito}
    assert singles == {("ore", "sud-est-milano"), ("eventi", "paullese")}


def test_the_page_shows_a_table_and_an_accessible_chart_with_the_same_numbers(client, index, practices):
    response = client.get(index.url + "confronto/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>4 buone pratiche pubblicate" in html
    assert re.search(r'<svg class="indicator-chart-svg"[^>]*role="img"[^>]*aria-labelledby="chart-1-title"', html)
    assert '<title id="chart-1-title">' in html
    assert "52,5" in html  # Italian decimal comma in the table
    assert 'width="360.0"' in html  # SVG geometry keeps the decimal point
    assert "1.000" not in html and "2.000" not in html and "1000" not in html


def test_an_empty_index_says_there_is_nothing_to_compare_yet(client, index):
    html = client.get(index.url + "confronto/").content.decode()
    assert "0 buone pratiche pubblicate" in html
    assert "Nessuna unità di misura è ancora usata da più di un ambito." in html
