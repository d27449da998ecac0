"""The monitoring figures as CSV, for a spreadsheet.

Choices, for the Italian Excel that most partners use:
- UTF-8 with a byte order mark, so accented letters open right with a double click;
- ``;`` between fields and a decimal comma (``12,5``), as Excel expects them with
  Italian regional settings (a comma would be taken for the decimal separator);
- one figure per line ("long" format: section, measure, unit, ambito, phase,
  period, value), so a pivot table rebuilds any view; totals are left out,
  since a pivot table would count them twice;
- a cell a person typed (an indicator's name) never starts as a formula.
"""

import csv
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def header():
    return [_("Sezione"), _("Misura"), _("Unità"), _("Ambito"), _("Fase"), _("Periodo"), _("Valore")]


def number(value):
    """12,5 and 1200: a decimal comma, no thousands separator, no trailing zeros."""
    value = Decimal(value)
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return format(value, "f").replace(".", ",")


def text(value):
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def figure_rows(figures):
    """Every figure of the page, one per row, in the page's order."""
    for series in figures.series:
        for row in series.rows:
            for period, count in zip(figures.periods, row.counts, strict=True):
                yield [_("Contenuti per ambito e periodo"), series.title, "", row.label, "", period.label, count]
    phases = figures.phases
    if phases is not None:
        section = _("Modello di intervento: %(title)s") % {"title": phases.model.title}
        whole = figures.selection.label
        for row in phases.rows:
            phase = f"{row.number}. {row.title}"
            for column, count in zip(phases.columns, row.per_ambito, strict=True):
                yield [section, _("Buone pratiche della fase"), "", column, phase, whole, count]
            yield [section, _("Materiali formativi della fase"), "", "", phase, whole, row.materials]
            yield [section, _("Adozioni delle pratiche della fase"), "", "", phase, whole, row.adoptions]
    indicators = figures.indicators
    every = list(indicators.compared) + [indicator for indicator, _cell in indicators.single]
    for indicator in every:
        for cell in indicator.reporting:
            for section, value, counted in (
                (_("Indicatori delle buone pratiche"), cell.from_practices, cell.values - cell.adoption_values),
                (_("Indicatori delle adozioni"), cell.from_adoptions, cell.adoption_values),
            ):
                if counted:
                    yield [section, indicator.name, indicator.unit, cell.label, "", figures.selection.label, value]


def csv_response(figures):
    selection = figures.selection
    filename = f"monitoraggio-ciao-{selection.first_year}-{selection.last_year}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header())
    for row in figure_rows(figures):
        *labels, value = row
        writer.writerow([text(label) for label in labels] + [number(value)])
    return response
