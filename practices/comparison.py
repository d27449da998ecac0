"""«Confronto tra ambiti»: what each territory has shared, theme by theme, what it measured, and which
practices travelled from one territory to another (published adoptions).

Counts and sums come from grouped queries over the live, public practices
under one index page, so the page costs the same whatever their number.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Sum

from ciao.models import Ambito, Theme

from .text import format_quantity
from .travel import transfer_counts

# Geometry of the bar charts, in SVG user units (the chart scales with its container).
CHART_LABEL_WIDTH = 190
CHART_BAR_WIDTH = 360
CHART_VALUE_WIDTH = 90
CHART_ROW_HEIGHT = 34
CHART_BAR_HEIGHT = 20
CHART_WIDTH = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + CHART_VALUE_WIDTH


@dataclass
class Cell:
    count: int
    url: str


@dataclass
class MatrixRow:
    ambito: Ambito
    cells: list
    total: int
    url: str


@dataclass
class Bar:
    ambito: Ambito
    value: Decimal
    practices: int
    y: int = 0
    width: float = 0

    @property
    def display(self):
        return format_quantity(self.value)

    @property
    def text_y(self):
        return self.y + CHART_BAR_HEIGHT - 5

    @property
    def value_x(self):
        return CHART_LABEL_WIDTH + self.width + 8


@dataclass
class IndicatorChart:
    """The indicators in one unit, summed per ambito."""

    number: int
    unit: str
    bars: list = field(default_factory=list)
    names: list = field(default_factory=list)  # the indicators summed under this unit

    @property
    def height(self):
        return len(self.bars) * CHART_ROW_HEIGHT + 6

    @property
    def ambiti_reporting(self):
        return sum(1 for bar in self.bars if bar.practices)


@dataclass
class TransferRow:
    """Adoptions of one ambito's practices, counted by the ambito that adopted them."""

    origin: Ambito
    counts: list  # one per adopting ambito, in the columns' order
    total: int


@dataclass
class Transfers:
    rows: list
    totals: list  # adoptions per adopting ambito
    total: int


@dataclass
class Comparison:
    themes: list
    rows: list
    theme_totals: list
    total: int
    charts: list  # units reported by two ambiti or more: these compare
    single_ambito: list  # [(chart, bar)] units only one ambito reports
    transfers: Transfers = None
    chart_width: int = CHART_WIDTH
    label_width: int = CHART_LABEL_WIDTH
    bar_height: int = CHART_BAR_HEIGHT


def filter_url(base_url, **params):
    return f"{base_url}?{urlencode(params)}"


def ambito_comparison(index):
    practices = index.practices().order_by()
    ambiti = list(Ambito.objects.all())
    themes = list(Theme.objects.all())
    base_url = index.url

    per_cell = {
        (ambito_id, theme_id): n
        for ambito_id, theme_id, n in practices.values_list("ambito_id", "themes__id").annotate(
            n=Count("pk", distinct=True)
        )
    }
    per_ambito = dict(practices.values_list("ambito_id").annotate(n=Count("pk", distinct=True)))
    per_theme = dict(practices.values_list("themes__id").annotate(n=Count("pk", distinct=True)))

    rows = [
        MatrixRow(
            ambito=ambito,
            cells=[
                Cell(
                    count=per_cell.get((ambito.pk, theme.pk), 0),
                    url=filter_url(base_url, ambito=ambito.slug, tema=theme.slug),
                )
                for theme in themes
            ],
            total=per_ambito.get(ambito.pk, 0),
            url=filter_url(base_url, ambito=ambito.slug),
        )
        for ambito in ambiti
    ]
    theme_totals = [
        Cell(count=per_theme.get(theme.pk, 0), url=filter_url(base_url, tema=theme.slug)) for theme in themes
    ]
    charts = indicator_charts(practices, ambiti)
    return Comparison(
        themes=themes,
        rows=rows,
        theme_totals=theme_totals,
        total=sum(per_ambito.values()),
        charts=[chart for chart in charts if chart.ambiti_reporting > 1],
        single_ambito=[
            (chart, bar) for chart in charts if chart.ambiti_reporting == 1 for bar in chart.bars if bar.practices
        ],
        transfers=transfers(practices, ambiti),
    )


def transfers(practices, ambiti):
    """From which ambito (the practice's) to which (the adoption's), how many published adoptions."""
    counts = transfer_counts(practices)
    rows = [
        TransferRow(
            origin=origin,
            counts=[counts.get((origin.pk, target.pk), 0) for target in ambiti],
            total=sum(n for (from_id, _to), n in counts.items() if from_id == origin.pk),
        )
        for origin in ambiti
    ]
    totals = [sum(n for (_from, to_id), n in counts.items() if to_id == target.pk) for target in ambiti]
    return Transfers(rows=rows, totals=totals, total=sum(counts.values()))


def indicator_charts(practices, ambiti):
    """One chart per unit of measure, the values summed per ambito (units are stored lower-case)."""
    # One row per indicator: the practices carry no other many-valued join here.
    indicators = practices.order_by().filter(indicators__isnull=False)
    sums = indicators.values_list("indicators__unit", "ambito_id").annotate(
        total=Sum("indicators__value"), practices=Count("pk", distinct=True)
    )
    names = defaultdict(set)
    for unit, name in indicators.values_list("indicators__unit", "indicators__name").distinct():
        names[unit].add(name)

    by_unit = defaultdict(dict)
    for unit, ambito_id, total, count in sums:
        by_unit[unit][ambito_id] = (total, count)

    charts = []
    # Units reported by the most ambiti first: they are the ones worth comparing.
    units = sorted(by_unit, key=lambda u: (-len(by_unit[u]), u))
    for number, unit in enumerate(units, start=1):
        chart = IndicatorChart(number=number, unit=unit, names=sorted(names[unit]))
        for ambito in ambiti:
            total, count = by_unit[unit].get(ambito.pk, (Decimal(0), 0))
            chart.bars.append(Bar(ambito=ambito, value=total, practices=count))
        scale_bars(chart.bars)
        charts.append(chart)
    return charts


def scale_bars(bars):
    largest = max((bar.value for bar in bars), default=0)
    for row, bar in enumerate(bars):
        bar.y = row * CHART_ROW_HEIGHT + 6
        bar.width = round(float(bar.value / largest) * CHART_BAR_WIDTH, 1) if largest else 0
