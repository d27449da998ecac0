"""The figures the Cabina di Regia follows («monitoraggio e valutazione»), counted from the content.

Nothing is typed twice: every number is read from what the site already holds,
and only what a visitor may see counts (live, public pages; published
adoptions of those practices; events not cancelled nor postponed).

- **Buone pratiche** and **materiali**: by the day they were first published on
  the site; a practice by its own ambito, a material by its organisation's.
- **Eventi svolti**: each occurrence over by now (a weekly laboratorio counts
  every week it was held), by the ambito of the event's comune. Events do not
  record how many people took part, so participants are not counted.
- **Adozioni**: published adoptions of public practices, by the day the
  adopting ambito began and for the ambito that adopted.
- **Per fase** of the intervention model (the first live, public one): the
  practices and materials each phase links, and the adoptions of its practices.
- **Indicatori**: values with the same name and unit summed per ambito, from the
  practices (their ambito) and from published adoptions (the adopting ambito),
  placed in time by the indicator's year; values without a year are counted
  apart so that the redazione can complete them.

The whole costs a fixed number of queries: rows are read once per kind of
content and counted here, whatever their number.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ciao.models import Ambito
from events.models import EventPage
from events.recurrence import ROME, expand
from practices.models import InterventionModelPage, PracticeIndicator, PracticePage
from practices.text import format_quantity
from resources.models import ResourcePage

from .charts import bar_chart
from .models import Adoption, AdoptionIndicator

MIN_YEAR = 2000
MAX_YEARS = 10
UNASSIGNED = None  # the row of content without an ambito


# --- The period -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    year: int
    half: int = 0  # 1 or 2 for a semester, 0 for the whole year

    @property
    def key(self):
        return f"{self.year}-S{self.half}" if self.half else str(self.year)

    @property
    def label(self):
        if not self.half:
            return str(self.year)
        return _("%(half)s° semestre %(year)s") % {"half": self.half, "year": self.year}


@dataclass(frozen=True)
class Selection:
    """Whole years from ``first_year`` to ``last_year``, shown year by year or semester by semester."""

    first_year: int
    last_year: int
    by_semester: bool = False

    def periods(self):
        years = range(self.first_year, self.last_year + 1)
        if self.by_semester:
            return [Period(year, half) for year in years for half in (1, 2)]
        return [Period(year) for year in years]

    def index_of(self, day):
        """The position of the period holding ``day``, or None outside the selection."""
        if day is None or not self.first_year <= day.year <= self.last_year:
            return None
        position = day.year - self.first_year
        if self.by_semester:
            return position * 2 + (0 if day.month <= 6 else 1)
        return position

    def holds_year(self, year):
        return year is not None and self.first_year <= year <= self.last_year

    @property
    def label(self):
        if self.first_year == self.last_year:
            return str(self.first_year)
        return _("dal %(first)s al %(last)s") % {"first": self.first_year, "last": self.last_year}

    @property
    def window(self):
        """The selection as aware datetimes in Rome: [start, end)."""
        return (
            datetime.combine(date(self.first_year, 1, 1), time.min, ROME),
            datetime.combine(date(self.last_year + 1, 1, 1), time.min, ROME),
        )


def resolve_selection(first_year, last_year, by_semester, earliest_year, current_year):
    """The period shown: what the person chose, otherwise from the first year with content
    (at most ``MAX_YEARS`` back) to the current year."""
    last = last_year or current_year
    if first_year is None:
        first_year = min(earliest_year or last, last)
    # The form refuses a longer span; this also holds when one of its two years was ignored.
    first_year = min(max(first_year, last - MAX_YEARS + 1), last)
    return Selection(first_year, last, bool(by_semester))


# --- What the site holds, read once -----------------------------------------------------------


def _local_day(moment):
    return timezone.localtime(moment, ROME).date() if moment else None


@dataclass
class Content:
    practices: dict  # pk -> (ambito id, day first published)
    materials: dict  # pk -> (ambito id of its organisation, day first published)
    adoptions: list  # [(practice pk, adopting ambito id, adopted on)], published, of public practices

    @property
    def earliest_year(self):
        days = [day for _a, day in self.practices.values() if day]
        days += [day for _a, day in self.materials.values() if day]
        days += [day for _p, _a, day in self.adoptions if day]
        return min(days).year if days else None


def published_content():
    """Public practices and materials, and the published adoptions of those practices: three queries
    (and one for the pages' view restrictions, asked by ``public()``)."""
    published = Coalesce("first_published_at", "last_published_at")
    practices = {
        pk: (ambito_id, _local_day(moment))
        for pk, ambito_id, moment in PracticePage.objects.live()
        .public()
        .order_by()
        .values_list("pk", "ambito_id", published)
    }
    materials = {
        pk: (ambito_id, _local_day(moment))
        for pk, ambito_id, moment in ResourcePage.objects.live()
        .public()
        .order_by()
        .values_list("pk", "organisation__ambito_id", published)
    }
    adoptions = [
        row
        for row in Adoption.objects.filter(status=Adoption.Status.PUBLISHED)
        .order_by()
        .values_list("practice_id", "ambito_id", "adopted_on")
        # Adoption.objects.public() checks a restriction on the practice itself; this one also
        # leaves out practices under a private section, as the practices' own count does.
        if row[0] in practices
    ]
    return Content(practices=practices, materials=materials, adoptions=adoptions)


def events_held(selection, now):
    """(ambito id, local day) of each occurrence in the selection that is over by ``now``: two queries."""
    start, end = selection.window
    events = (
        EventPage.objects.live()
        .public()
        .filter(status=EventPage.Status.SCHEDULED, start__lt=min(end, now), last_end__gt=start)
        .order_by()
        .prefetch_related("exception_dates")
    )
    return [
        (occurrence.event.ambito_id, _local_day(occurrence.start))
        for occurrence in expand(events, start, end, ended_by=now)
    ]


# --- Counts per ambito and period -------------------------------------------------------------


@dataclass
class SeriesRow:
    label: str
    counts: list  # one per period
    total: int
    unassigned: bool = False


@dataclass
class Series:
    """One kind of content counted per ambito and per period."""

    key: str
    title: str
    description: str
    rows: list
    period_totals: list
    total: int
    by_period: object = None  # BarChart
    by_ambito: object = None  # BarChart


def count_text(key, n):
    """«3 buone pratiche»: the number with the noun of the series."""
    nouns = {
        "pratiche": ngettext("%(n)s buona pratica", "%(n)s buone pratiche", n),
        "materiali": ngettext("%(n)s materiale", "%(n)s materiali", n),
        "eventi": ngettext("%(n)s evento svolto", "%(n)s eventi svolti", n),
        "adozioni": ngettext("%(n)s adozione", "%(n)s adozioni", n),
    }
    return nouns[key] % {"n": format_quantity(Decimal(n))}


def _ambito_rows(ambiti, counts, width):
    known = {ambito.pk for ambito in ambiti}
    unknown = [0] * width
    for ambito_id, row in counts.items():
        if ambito_id not in known:
            unknown = [a + b for a, b in zip(unknown, row, strict=True)]
    rows = [SeriesRow(label=ambito.name, counts=list(counts.get(ambito.pk, [0] * width)), total=0) for ambito in ambiti]
    if any(unknown):
        rows.append(SeriesRow(label=_("Ambito non indicato"), counts=unknown, total=0, unassigned=True))
    for row in rows:
        row.total = sum(row.counts)
    return rows


def build_series(key, title, description, dated, selection, ambiti):
    """``dated``: (ambito id, day) of each item; those outside the selection are left out."""
    periods = selection.periods()
    counts = defaultdict(lambda: [0] * len(periods))
    for ambito_id, day in dated:
        position = selection.index_of(day)
        if position is not None:
            counts[ambito_id][position] += 1
    rows = _ambito_rows(ambiti, counts, len(periods))
    period_totals = [sum(row.counts[i] for row in rows) for i in range(len(periods))]
    series = Series(
        key=key,
        title=title,
        description=description,
        rows=rows,
        period_totals=period_totals,
        total=sum(period_totals),
    )
    noun = title.lower()
    series.by_period = bar_chart(
        f"grafico-{key}-periodo",
        _("Grafico a barre: %(what)s per periodo, %(when)s. Gli stessi numeri sono nella tabella sotto.")
        % {"what": noun, "when": selection.label},
        [
            (period.label, n, format_quantity(Decimal(n)), f"{period.label}: {count_text(key, n)}")
            for period, n in zip(periods, period_totals, strict=True)
        ],
        tone="teal",
    )
    series.by_ambito = bar_chart(
        f"grafico-{key}-ambito",
        _("Grafico a barre: %(what)s per ambito, %(when)s. Gli stessi numeri sono nella tabella sotto.")
        % {"what": noun, "when": selection.label},
        [
            (row.label, row.total, format_quantity(Decimal(row.total)), f"{row.label}: {count_text(key, row.total)}")
            for row in rows
        ],
    )
    return series


# --- Per phase of the intervention model ------------------------------------------------------


@dataclass
class PhaseRow:
    number: int
    title: str
    per_ambito: list  # practices of each ambito, in the columns' order
    practices: int
    materials: int
    adoptions: int

    @property
    def ambiti_covered(self):
        return sum(1 for n in self.per_ambito if n)


@dataclass
class Phases:
    model: object  # the InterventionModelPage
    columns: list  # ambito names (and «non indicato» when a practice has none)
    rows: list
    chart: object = None


def intervention_model():
    """The intervention model the figures follow: the first live, public one in the tree."""
    return InterventionModelPage.objects.live().public().order_by("path").first()


def build_phases(model, content, selection, ambiti):
    if model is None:
        return None
    known = [ambito.pk for ambito in ambiti]
    in_period = {
        pk: ambito_id for pk, (ambito_id, day) in content.practices.items() if selection.index_of(day) is not None
    }
    adoptions = defaultdict(int)
    for practice_id, _ambito_id, day in content.adoptions:
        if selection.index_of(day) is not None:
            adoptions[practice_id] += 1

    rows = []
    unassigned_any = False
    for number, phase in enumerate(model.phase_links(), start=1):
        linked = list(dict.fromkeys(phase["practices"]))  # an editor may choose one twice
        counted = [pk for pk in linked if pk in in_period]
        per_ambito = [sum(1 for pk in counted if in_period[pk] == ambito_id) for ambito_id in known]
        unassigned = sum(1 for pk in counted if in_period[pk] not in known)
        unassigned_any = unassigned_any or bool(unassigned)
        materials = [
            pk
            for pk in dict.fromkeys(phase["materials"])
            if pk in content.materials and selection.index_of(content.materials[pk][1]) is not None
        ]
        rows.append(
            PhaseRow(
                number=number,
                title=phase["title"],
                per_ambito=per_ambito + [unassigned],
                practices=len(counted),
                materials=len(materials),
                adoptions=sum(adoptions[pk] for pk in linked if pk in content.practices),
            )
        )
    columns = [ambito.name for ambito in ambiti]
    if unassigned_any:
        columns.append(_("Ambito non indicato"))
    else:
        for row in rows:
            row.per_ambito.pop()
    phases = Phases(model=model, columns=columns, rows=rows)
    phases.chart = bar_chart(
        "grafico-fasi",
        _(
            "Grafico a barre: buone pratiche per fase del modello di intervento, %(when)s. "
            "Gli stessi numeri sono nella tabella sotto."
        )
        % {"when": selection.label},
        [
            (
                f"{row.number}. {row.title}",
                row.practices,
                format_quantity(Decimal(row.practices)),
                f"{row.number}. {row.title}: {count_text('pratiche', row.practices)}",
            )
            for row in rows
        ],
        tone="purple",
    )
    return phases


# --- Indicators summed where name and unit match ----------------------------------------------


@dataclass
class IndicatorCell:
    label: str  # the ambito
    from_practices: Decimal = Decimal(0)
    from_adoptions: Decimal = Decimal(0)
    values: int = 0
    adoption_values: int = 0

    @property
    def total(self):
        return self.from_practices + self.from_adoptions

    @property
    def display(self):
        return format_quantity(self.total)

    @property
    def practices_display(self):
        return format_quantity(self.from_practices)

    @property
    def adoptions_display(self):
        return format_quantity(self.from_adoptions)


@dataclass
class IndicatorSum:
    number: int
    name: str
    unit: str
    cells: list = field(default_factory=list)  # one per ambito (+ «non indicato» when needed)
    chart: object = None

    @property
    def reporting(self):
        return [cell for cell in self.cells if cell.values]

    @property
    def total(self):
        return sum((cell.total for cell in self.cells), Decimal(0))

    @property
    def display(self):
        return format_quantity(self.total)


@dataclass
class Indicators:
    compared: list  # reported by two ambiti or more: a chart and a table each
    single: list  # [(indicator, cell)] reported by one ambito only
    undated: int  # values without a year, left out of every period


def _name_key(name):
    return " ".join(name.split()).casefold()


def indicator_rows(content):
    """(ambito id, name, unit, year, value, from an adoption) of the indicators of public practices and
    of their published adoptions: two queries."""
    rows = []
    for practice_id, name, unit, year, value in PracticeIndicator.objects.order_by().values_list(
        "practice_id", "name", "unit", "year", "value"
    ):
        if practice_id in content.practices:
            rows.append((content.practices[practice_id][0], name, unit, year, value, False))
    for practice_id, ambito_id, name, unit, year, value in (
        AdoptionIndicator.objects.filter(adoption__status=Adoption.Status.PUBLISHED)
        .order_by()
        .values_list("adoption__practice_id", "adoption__ambito_id", "name", "unit", "year", "value")
    ):
        if practice_id in content.practices:
            rows.append((ambito_id, name, unit, year, value, True))
    return rows


def build_indicators(rows, selection, ambiti):
    known = {ambito.pk: ambito.name for ambito in ambiti}
    names = defaultdict(set)
    sums = defaultdict(dict)  # (name key, unit) -> {ambito id: IndicatorCell}
    undated = 0
    for ambito_id, name, unit, year, value, from_adoption in rows:
        if year is None:
            undated += 1
            continue
        if not selection.holds_year(year):
            continue
        key = (_name_key(name), unit)
        names[key].add(" ".join(name.split()))
        ambito_id = ambito_id if ambito_id in known else UNASSIGNED
        cell = sums[key].setdefault(ambito_id, IndicatorCell(label=known.get(ambito_id) or _("Ambito non indicato")))
        if from_adoption:
            cell.from_adoptions += value
            cell.adoption_values += 1
        else:
            cell.from_practices += value
        cell.values += 1

    indicators = []
    for key, cells in sums.items():
        indicator = IndicatorSum(number=0, name=min(names[key]), unit=key[1])
        indicator.cells = [cells.get(pk) or IndicatorCell(label=name) for pk, name in known.items()]
        if UNASSIGNED in cells:
            indicator.cells.append(cells[UNASSIGNED])
        indicators.append(indicator)
    # The ones most ambiti report first: they are the ones worth comparing.
    indicators.sort(key=lambda i: (-len(i.reporting), i.name.casefold(), i.unit))
    compared = [indicator for indicator in indicators if len(indicator.reporting) > 1]
    for number, indicator in enumerate(compared, start=1):
        indicator.number = number
        indicator.chart = bar_chart(
            f"grafico-indicatore-{number}",
            _("Grafico a barre: %(name)s (%(unit)s) per ambito, %(when)s. Gli stessi numeri sono nella tabella sotto.")
            % {"name": indicator.name, "unit": indicator.unit, "when": selection.label},
            [
                (cell.label, cell.total, cell.display, f"{cell.label}: {cell.display} {indicator.unit}")
                for cell in indicator.cells
            ],
            tone="brown",
        )
    single = [(indicator, indicator.reporting[0]) for indicator in indicators if len(indicator.reporting) == 1]
    return Indicators(compared=compared, single=single, undated=undated)


# --- All together -----------------------------------------------------------------------------


@dataclass
class Monitoring:
    selection: Selection
    periods: list
    series: list
    phases: Phases
    indicators: Indicators

    @property
    def totals(self):
        return [(series, count_text(series.key, series.total)) for series in self.series]


def monitoring_figures(first_year=None, last_year=None, by_semester=False, now=None):
    """Every figure of the monitoring page, for the years chosen (None: the default period)."""
    now = now or timezone.now()
    content = published_content()
    selection = resolve_selection(first_year, last_year, by_semester, content.earliest_year, _local_day(now).year)
    ambiti = list(Ambito.objects.all())

    def series(key, title, description, dated):
        return build_series(key, title, description, dated, selection, ambiti)

    return Monitoring(
        selection=selection,
        periods=selection.periods(),
        series=[
            series(
                "pratiche",
                _("Buone pratiche pubblicate"),
                _("Le buone pratiche pubblicate sul sito nel periodo, per l'ambito in cui si svolgono."),
                content.practices.values(),
            ),
            series(
                "materiali",
                _("Materiali formativi pubblicati"),
                _("I materiali pubblicati nel periodo, per l'ambito dell'organizzazione che li ha prodotti."),
                content.materials.values(),
            ),
            series(
                "eventi",
                _("Eventi svolti"),
                _(
                    "Gli eventi pubblici che si sono tenuti nel periodo, per l'ambito del comune che li ospita: "
                    "un evento che si ripete conta ogni volta. Gli eventi online sono senza ambito. "
                    "Il sito non registra quante persone hanno partecipato."
                ),
                events_held(selection, now),
            ),
            series(
                "adozioni",
                _("Adozioni di buone pratiche"),
                _(
                    "Le adozioni pubblicate dalla redazione, per l'ambito che ha adottato la pratica "
                    "e per la data da cui l'ha adottata."
                ),
                [(ambito_id, day) for _practice, ambito_id, day in content.adoptions],
            ),
        ],
        phases=build_phases(intervention_model(), content, selection, ambiti),
        indicators=build_indicators(indicator_rows(content), selection, ambiti),
    )
