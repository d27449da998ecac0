"""Which events and occurrences a listing, a month, the archive or a feed shows.

One place decides the queryset (live, public, under this index, in the date
window, filtered) and what it joins and prefetches, so every view built on it
costs the same number of queries whatever the number of events.
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q

from ciao.listing import FacetedListing

from .filters import Attendance, EventFilterForm, Period, facets
from .models import EventPage
from .recurrence import day_bounds, expand, local

PER_PAGE = 12
# A subscribed calendar keeps recent past events rather than seeing them vanish.
FEED_KEEPS_PAST = timedelta(days=180)


class Mode:
    UPCOMING = "upcoming"
    ARCHIVE = "archive"
    MONTH = "month"
    FEED = "feed"


@dataclass
class Chip:
    label: str
    remove_url: str


def index_events(index):
    """Live, public events of one index, with what cards, feeds and JSON-LD read."""
    return (
        EventPage.objects.live().public().child_of(index)
        .select_related("comune", "comune__ambito", "organiser", "image")
        .prefetch_related("exception_dates")
    )


def period_window(period, now):
    today = local(now).date()
    if period == Period.TODAY:
        return now, day_bounds(today)[1]
    if period == Period.WEEK:
        return now, day_bounds(today, days=7 - today.weekday())[1]
    if period == Period.MONTH:
        following = (today.replace(day=28) + timedelta(days=4)).replace(day=1)
        return now, day_bounds(following)[0]
    return now, None


class EventListing:
    def __init__(self, index, data, now, mode=Mode.UPCOMING, month_window=None):
        self.index = index
        self.now = now
        self.mode = mode
        self.form = EventFilterForm(data)
        self.form.is_valid()
        self.window_start, self.window_end = self._window(month_window)

        events = index_events(index)
        if self.window_end is not None:
            events = events.filter(start__lt=self.window_end)
        if self.window_start is not None:
            events = events.filter(last_end__gt=self.window_start)
        if mode == Mode.ARCHIVE:
            events = events.filter(start__lt=now)
        if self.form.valid("gratuito"):
            events = events.filter(is_free=True)
        attendance = self.form.valid("modalita")
        if attendance == Attendance.ONLINE:
            events = events.filter(~Q(online_url=""))
        elif attendance == Attendance.IN_PERSON:
            events = events.filter(comune__isnull=False)
        self.faceted = FacetedListing(events, facets(), data)

    def _window(self, month_window):
        if self.mode == Mode.MONTH:
            return month_window
        start, end = self.form.valid("dal"), self.form.valid("al")
        if self.mode == Mode.ARCHIVE:
            return (day_bounds(start)[0] if start else None), min(day_bounds(end)[1], self.now) if end else self.now
        if start or end:
            return (day_bounds(start)[0] if start else self.now), (day_bounds(end)[1] if end else None)
        if self.mode == Mode.FEED:
            return self.now - FEED_KEEPS_PAST, None
        return period_window(self.form.valid("periodo") or Period.UPCOMING, self.now)

    # -- results --------------------------------------------------------------------

    def events(self):
        """The matching events (not expanded), ordered by first date."""
        return list(self.faceted.filtered().order_by("start", "pk"))

    def occurrences(self):
        archive = self.mode == Mode.ARCHIVE
        return expand(
            self.events(), self.window_start, self.window_end,
            ended_by=self.now if archive else None, newest_first=archive,
        )

    def paginate(self, occurrences, page_number):
        return Paginator(occurrences, PER_PAGE).get_page(page_number)

    # -- what templates show ------------------------------------------------------------

    def own_params(self, dates=True):
        params = self.form.active_params()
        if not dates or self.mode == Mode.MONTH:
            params = [(k, v) for k, v in params if k not in ("periodo", "dal", "al")]
        return params

    def querystring(self, dates=True):
        return self.faceted.querystring(self.own_params(dates))

    def facet_results(self):
        return self.faceted.facet_results(self.own_params())

    def chips(self, facet_results):
        chips = []
        own = self.own_params()
        for name, value in own:
            rest = [(k, v) for k, v in own if (k, v) != (name, value)] + self.faceted.active_params()
            chips.append(Chip(
                f"{self.form.fields[name].label}: {self.form.value_label(name, value)}",
                "?" + urlencode(rest) if rest else "?",
            ))
        chips += [Chip(f"{label}: {option.label}", option.remove_url) for label, option in FacetedListing.chips(facet_results)]
        return chips

    @property
    def messages(self):
        return self.form.messages() + list(self.faceted.messages)
