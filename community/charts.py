"""Horizontal bar charts drawn as SVG by a template (templates/community/includes/bar_chart.svg.html).

Geometry only: the template writes what is computed here. Coordinates are
strings with a dot for decimals, because the template engine would write an
Italian comma in a float and break the SVG. Every bar keeps its text label and
its value beside it, so nothing is told by colour alone.
"""

from dataclasses import dataclass, field

LABEL_CHAR_WIDTH = 7.4  # average width of a character at the chart's font size, in user units
MIN_LABEL_WIDTH = 90
MAX_LABEL_WIDTH = 300
BAR_AREA_WIDTH = 340
VALUE_WIDTH = 70
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TOP = 6

TONES = ("blue", "teal", "purple", "brown")


def _coordinate(value):
    return f"{value:.1f}".removesuffix(".0")


@dataclass
class ChartBar:
    label: str
    short_label: str
    display: str  # the value as Italians write it
    tooltip: str
    y: str
    text_y: str
    width: str
    value_x: str


@dataclass
class BarChart:
    chart_id: str
    title: str  # what a screen reader hears: what is measured, and where the same numbers are
    tone: str
    bars: list = field(default_factory=list)
    label_width: int = MIN_LABEL_WIDTH
    width: int = 0
    height: int = 0
    bar_height: int = BAR_HEIGHT

    @property
    def label_x(self):
        return self.label_width - 8

    @property
    def is_empty(self):
        return not self.bars


def _shorten(label, max_chars):
    return label if len(label) <= max_chars else label[: max_chars - 1].rstrip() + "…"


def bar_chart(chart_id, title, items, tone="blue"):
    """A chart of ``items``: (label, value, display, tooltip); bars scale to the largest value."""
    items = list(items)
    longest = max((len(label) for label, *_rest in items), default=0)
    label_width = int(min(MAX_LABEL_WIDTH, max(MIN_LABEL_WIDTH, longest * LABEL_CHAR_WIDTH + 12)))
    max_chars = int((label_width - 12) / LABEL_CHAR_WIDTH)
    largest = max((float(value) for _label, value, *_rest in items), default=0)
    chart = BarChart(
        chart_id=chart_id,
        title=title,
        tone=tone if tone in TONES else TONES[0],
        label_width=label_width,
        width=label_width + BAR_AREA_WIDTH + VALUE_WIDTH,
        height=len(items) * ROW_HEIGHT + TOP,
    )
    for row, (label, value, display, tooltip) in enumerate(items):
        y = row * ROW_HEIGHT + TOP
        width = float(value) / largest * BAR_AREA_WIDTH if largest else 0
        chart.bars.append(
            ChartBar(
                label=label,
                short_label=_shorten(label, max_chars),
                display=display,
                tooltip=tooltip,
                y=_coordinate(y),
                text_y=_coordinate(y + BAR_HEIGHT - 4),
                width=_coordinate(width),
                value_x=_coordinate(label_width + width + 6),
            )
        )
    return chart
