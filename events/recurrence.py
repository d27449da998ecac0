"""Repeating events: the RRULE an editor's choices stand for, and its occurrences.

Times are wall-clock times in Europe/Rome: a weekly laboratorio at 18:00 stays
at 18:00 when daylight saving time starts or ends, so occurrences are computed
from an aware local start (zoneinfo arithmetic is wall-clock arithmetic) and
never from a UTC one. All-day events are whole local days; an occurrence ends
at midnight after its last day, as DTEND does in iCalendar.

The RRULE is stored as RFC 5545 text so that the calendar feeds carry exactly
what the listing expands; the expansion uses dateutil, which is also what
``recurring-ical-events`` uses on the feed's side.
"""

import calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

ROME = ZoneInfo("Europe/Rome")

# A safety net, not a product rule: the editor limits repeats to two years.
MAX_OCCURRENCES = 1000
MAX_REPEAT_SPAN = timedelta(days=2 * 366)

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
WEEKDAY_NAMES = [
    _("lunedì"),
    _("martedì"),
    _("mercoledì"),
    _("giovedì"),
    _("venerdì"),
    _("sabato"),
    _("domenica"),
]
ORDINALS = {1: _("il primo"), 2: _("il secondo"), 3: _("il terzo"), 4: _("il quarto"), -1: _("l'ultimo")}


class Frequency(models.TextChoices):
    NONE = "", _("Non si ripete")
    WEEKLY = "weekly", _("Ogni settimana, lo stesso giorno")
    MONTHLY_DAY = "monthly_day", _("Ogni mese, lo stesso giorno del mese (es. il 15)")
    MONTHLY_WEEKDAY = "monthly_weekday", _("Ogni mese, lo stesso giorno della settimana (es. il secondo martedì)")


def local(value):
    """An aware datetime in Europe/Rome."""
    return timezone.localtime(value, ROME)


def week_of_month(day):
    """1..4 for "the n-th weekday" of the month, -1 for the last one."""
    n = (day.day - 1) // 7 + 1
    days_in_month = calendar.monthrange(day.year, day.month)[1]
    return -1 if n == 5 or (n == 4 and day.day + 7 > days_in_month) else n


def build_rrule(frequency, interval, until, local_start, all_day):
    """The RFC 5545 RRULE value for the editor's choices ("" when the event does not repeat)."""
    if not frequency or until is None:
        return ""
    parts = ["FREQ=WEEKLY" if frequency == Frequency.WEEKLY else "FREQ=MONTHLY"]
    if interval and interval > 1:
        parts.append(f"INTERVAL={int(interval)}")
    if frequency == Frequency.MONTHLY_DAY:
        parts.append(f"BYMONTHDAY={local_start.day}")
    elif frequency == Frequency.MONTHLY_WEEKDAY:
        parts.append(f"BYDAY={week_of_month(local_start)}{WEEKDAY_CODES[local_start.weekday()]}")
    if all_day:
        parts.append(f"UNTIL={until:%Y%m%d}")
    else:
        # With a TZID start, RFC 5545 wants UNTIL in UTC: the end of the last local day.
        last_moment = datetime.combine(until, time(23, 59, 59), ROME).astimezone(UTC)
        parts.append(f"UNTIL={last_moment:%Y%m%dT%H%M%SZ}")
    return ";".join(parts)


def describe_repeat(frequency, interval, until, local_start):
    """Plain Italian for a repeat: "ogni settimana, il martedì, fino al 26/01/2027"."""
    if not frequency or until is None:
        return ""
    interval = interval or 1
    weekday = WEEKDAY_NAMES[local_start.weekday()]
    if frequency == Frequency.WEEKLY:
        every = ngettext("ogni settimana", "ogni %(n)d settimane", interval) % {"n": interval}
        when = _("il %(weekday)s") % {"weekday": weekday}
    else:
        every = ngettext("ogni mese", "ogni %(n)d mesi", interval) % {"n": interval}
        if frequency == Frequency.MONTHLY_DAY:
            when = _("il giorno %(day)d") % {"day": local_start.day}
        else:
            when = f"{ORDINALS[week_of_month(local_start)]} {weekday}"
    return _("%(every)s, %(when)s, fino al %(until)s") % {
        "every": every,
        "when": when,
        "until": until.strftime("%d/%m/%Y"),
    }


@dataclass(frozen=True)
class Occurrence:
    """One date of an event: the event itself for a one-off, one repeat for a recurring one."""

    event: object
    start: datetime  # aware, Europe/Rome
    end: datetime  # aware, Europe/Rome; for all-day events, midnight after the last day

    @property
    def all_day(self):
        return self.event.all_day

    @property
    def last_day(self):
        """The last calendar day the occurrence touches."""
        return (self.end - timedelta(microseconds=1)).date()

    @property
    def spans_days(self):
        return self.last_day != self.start.date()

    @property
    def is_recurring(self):
        return bool(self.event.rrule)

    @property
    def key(self):
        return (self.event.pk, self.start)


def _all_day_bounds(event):
    start_day = local(event.start).date()
    end_day = max(local(event.end).date(), start_day)
    return start_day, (end_day - start_day).days + 1


def _midnight(day):
    return datetime.combine(day, time(0), ROME)


def occurrence_starts(event):
    """Every start of the event, in order, skipping exception dates."""
    excluded = set(event.excluded_dates())
    if event.all_day:
        first_day, _days = _all_day_bounds(event)
        dtstart = datetime.combine(first_day, time(0))  # naive: RRULE UNTIL is a DATE
    else:
        dtstart = local(event.start)
    if event.rrule:
        starts = rrulestr(event.rrule, dtstart=dtstart)
    else:
        starts = [dtstart]
    count = 0
    for start in starts:
        if start.date() in excluded and event.rrule:
            continue
        count += 1
        if count > MAX_OCCURRENCES:
            return
        yield _midnight(start.date()) if event.all_day else start


def occurrences(event, window_start=None, window_end=None):
    """The event's occurrences that overlap [window_start, window_end); None is unbounded."""
    if event.all_day:
        _first, days = _all_day_bounds(event)
        duration = None
    else:
        duration = event.end - event.start
    found = []
    for start in occurrence_starts(event):
        if window_end is not None and start >= window_end:
            break
        end = _midnight(start.date() + timedelta(days=days)) if event.all_day else start + duration
        if window_start is not None and end <= window_start:
            continue
        found.append(Occurrence(event, start, end))
    return found


def last_occurrence_end(event):
    """When the event's last occurrence ends (for filtering events by date in SQL)."""
    last = None
    for occurrence in occurrences(event):
        last = occurrence.end
    return last


def expand(events, window_start=None, window_end=None, ended_by=None, newest_first=False):
    """Occurrences of many events in a window, in date order.

    ``ended_by`` keeps only occurrences over by that moment (the past-events archive).
    """
    found = []
    for event in events:
        for occurrence in occurrences(event, window_start, window_end):
            if ended_by is not None and occurrence.end > ended_by:
                continue
            found.append(occurrence)
    found.sort(key=lambda o: (o.start, o.event.title, o.event.pk), reverse=newest_first)
    return found


def next_occurrence(event, now):
    """The occurrence in progress or next to come; None when all are over."""
    for occurrence in occurrences(event, window_start=now):
        return occurrence
    return None


def month_bounds(year, month):
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return _midnight(first), _midnight(following)


def day_bounds(day, days=1):
    return _midnight(day), _midnight(day + timedelta(days=days))
