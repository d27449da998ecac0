"""The month view: a calendar grid of one month's occurrences, with links to the months around it."""

import calendar
from datetime import date, timedelta

from django.utils.translation import gettext as _

from .dates import italian_date
from .filters import EARLIEST, LATEST
from .recurrence import local


def is_valid_month(year, month):
    return 1 <= month <= 12 and EARLIEST.year <= year <= LATEST.year


def month_context(index, listing, year, month):
    """The grid (weeks of days, each with its occurrences) and the neighbouring months' links."""
    occurrences = listing.occurrences()
    by_day = {}
    for occurrence in occurrences:
        day = occurrence.start.date()
        while day <= occurrence.last_day:
            by_day.setdefault(day, []).append(occurrence)
            day += timedelta(days=1)
    today = local(listing.now).date()
    weeks = [
        [
            {"date": day, "in_month": day.month == month, "is_today": day == today, "occurrences": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    first = date(year, month, 1)
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=31)).replace(day=1)

    def month_url(day):
        if not is_valid_month(day.year, day.month):
            return ""
        route = index.reverse_subpage("month", kwargs={"year": str(day.year), "month": f"{day.month:02d}"})
        return listing.link(index.url + route)

    return {
        "heading": _("Calendario di %(month)s") % {"month": italian_date(first, "F Y")},
        "month_label": italian_date(first, "F Y"),
        "weeks": weeks,
        "weekdays": [italian_date(date(2024, 1, d), "l") for d in range(1, 8)],  # 1 Jan 2024 was a Monday
        "month_occurrences": occurrences,
        "previous_url": month_url(previous),
        "previous_label": italian_date(previous, "F Y"),
        "next_url": month_url(following),
        "next_label": italian_date(following, "F Y"),
    }
