"""How dates of events read in Italian: "sabato 5 dicembre 2026"."""

from django.utils.formats import date_format

DAY = "l j F Y"


def italian_date(value, fmt=DAY):
    """Django's Italian names are capitalised; Italian writes days and months in lower case."""
    return date_format(value, fmt).lower()
