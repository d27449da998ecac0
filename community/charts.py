"""Horizontal bar charts drawn as SVG by a template (templates/community/includes/bar_chart.svg.html).

Geometry only: the template writes what is computed here. Coordinates are
strings with a dot for decimals, because the template engine would write an
Italian comma in a float and break the SVG. Every bar keeps its text label and
its value beside it, so nothing is told by colour alone.
"""

from dataclasses import dataclass, field

LABEL_CHAR_WIDTH = 8.4  # average width of a character at the chart's font size (16px), in user units
BAR_AREA_WIDTH = 360
VALUE_WIDTH = 80
CHART_WIDTH = BAR_AREA_WIDTH + VALUE_WIDTH
# Each row: its label on a line of its own, then the bar and its value. Labels above the bars
# keep the chart narrow, so its text stays readable when a phone shrinks it.
LABEL_HEIGHT = 20
BAR_HEIGHT = 20
ROW_GAP = 10
ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
BASELINE = 15  # from the top of a line of text to its baseline

TONES = ("blue", "teal", "purple", "brown")


def _coordinate(value):
    return f"{value:.1f}".removesuffix(".0")


@dataclass
class ChartBar:
    label: str
    short_label: str
    display: str  # the value as Italians write it
    tooltip: str
    label_y: str
    bar_y: str
    value_y: str
    width: str
    value_x: str


@dataclass
class BarChart:
    chart_id: str
    title: str  # what a screen reader hears: what is measured, and where the same numbers are
    tone: str
    bars: list = field(default_factory=list)
    width: int = CHART_WIDTH
    height: int = 0
    bar_height: int = BAR_HEIGHT

    @property
    def is_empty(self):
        return not self.bars


def _shorten(label, max_chars):
    return label if len(label) <= max_chars else label[: max_chars - 1].rstrip() + "…"


def bar_chart(chart_id, title, items, tone="blue"):
    """A chart of ``items``: (label, value, display, tooltip); bars scale to the largest value."""
    items = list(items)
    max_chars = int(CHART_WIDTH / LABEL_CHAR_WIDTH)
    largest = max((float(value) for _label, value, *_rest in items), default=0)
    chart = BarChart(
        chart_id=chart_id,
        title=title,
        tone=tone if tone in TONES else TONES[0],
        height=len(items) * ROW_HEIGHT,
    )
    for row, (label, value, display, tooltip) in enumerate(items):
        top = row * ROW_HEIGHT
        bar_top = top + LABEL_HEIGHT
        width = float(value) / largest * BAR_AREA_WIDTH if largest else 0
        chart.bars.append(
            ChartBar(
                label=label,
                short_label=_shorten(label, max_chars),
                display=display,
                tooltip=tooltip,
                label_y=_coordinate(top + BASELINE),
                bar_y=_coordinate(bar_top),
                value_y=_coordinate(bar_top + BASELINE),
                width=_coordinate(width),
                value_x=_coordinate(width + 6),
            )
        )
    return chart
