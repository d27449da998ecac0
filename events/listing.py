"""Which events and occurrences a listing, a month, the archive or a feed shows.

One place decides the queryset (the index page's ``listed()``, in the date
window, filtered) so every view built on it costs the same number of queries
whatever the number of events. The links between the section's views, its
feeds and its calendar keep the same filters.
"""

from datetime import timedelta

from django.db.models import Q

from ciao.listing import Listing, with_query

from .filters import Attendance, EventFilterForm, Period, facets
from .recurrence import day_bounds, expand, local

PER_PAGE = 12
# A subscribed calendar keeps recent past events rather than seeing them vanish.
FEED_KEEPS_PAST = timedelta(days=180)
# Calendar programs read a subscribed feed whole every few hours: past this many events it takes a
# worker for seconds and calendar programs give up on it (the load test's 6,000 events: 4 MB, 35 s).
FEED_MAX_EVENTS = 1000


class Mode:
    UPCOMING = "upcoming"
    ARCHIVE = "archive"
    MONTH = "month"
    FEED = "feed"


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


class EventListing(Listing):
    def __init__(self, index, data, now, mode=Mode.UPCOMING, month_window=None):
        self.index = index
        self.now = now
        self.mode = mode
        form = EventFilterForm(data)
        form.is_valid()
        self.window_start, self.window_end = self._window(form, month_window)

        events = index.listed()
        if self.window_end is not None:
            events = events.filter(start__lt=self.window_end)
        if self.window_start is not None:
            events = events.filter(last_end__gt=self.window_start)
        if mode == Mode.ARCHIVE:
            events = events.filter(start__lt=now)
        if form.valid("gratuito"):
            events = events.filter(is_free=True)
        attendance = form.valid("modalita")
        if attendance == Attendance.ONLINE:
            events = events.filter(~Q(online_url=""))
        elif attendance == Attendance.IN_PERSON:
            events = events.filter(comune__isnull=False)
        super().__init__(events, data, facets(), form=form, per_page=PER_PAGE)

    def _window(self, form, month_window):
        if self.mode == Mode.MONTH:
            return month_window
        start, end = form.valid("dal"), form.valid("al")
        if self.mode == Mode.ARCHIVE:
            return (day_bounds(start)[0] if start else None), min(day_bounds(end)[1], self.now) if end else self.now
        if start or end:
            return (day_bounds(start)[0] if start else self.now), (day_bounds(end)[1] if end else None)
        if self.mode == Mode.FEED:
            return self.now - FEED_KEEPS_PAST, None
        return period_window(form.valid("periodo") or Period.UPCOMING, self.now)

    def form_params(self, dates=True):
        # In the month view the month is the date filter; the links between views choose their own.
        params = super().form_params()
        if not dates or self.mode == Mode.MONTH:
            params = [(k, v) for k, v in params if k not in EventFilterForm.DATE_PARAMS]
        return params

    def link(self, url, dates=True):
        """``url`` with this listing's filters; without its dates for another view of the section."""
        return with_query(url, self.form_params(dates) + self.faceted.active_params())

    # -- results --------------------------------------------------------------------

    def events(self):
        """The matching events (not expanded), ordered by first date."""
        return list(self.filtered().order_by("start", "pk"))

    def feed_events(self):
        """The feed's events, by first date: the ongoing and upcoming ones first, then the most
        recently ended, ``FEED_MAX_EVENTS`` at most."""
        events = self.filtered()
        coming = list(events.filter(last_end__gt=self.now).order_by("start", "pk")[:FEED_MAX_EVENTS])
        room = FEED_MAX_EVENTS - len(coming)
        past = list(events.filter(last_end__lte=self.now).order_by("-last_end", "-pk")[:room]) if room else []
        return sorted(past + coming, key=lambda event: (event.start, event.pk))

    def occurrences(self):
        archive = self.mode == Mode.ARCHIVE
        return expand(
            self.events(),
            self.window_start,
            self.window_end,
            ended_by=self.now if archive else None,
            newest_first=archive,
        )


def section_context(index, request, listing):
    """What every view of the events section shows beside its results: filters, links, calendars."""
    ics_url = listing.link(index.url + index.reverse_subpage("calendar_ics"))
    return {
        "mode": listing.mode,
        "form": listing.form,
        # Options nothing matches are left out (27 comuni would drown the form), unless chosen.
        "visible_facets": [
            (facet, options)
            for facet in listing.facets
            if (options := [o for o in facet.options if o.count or o.selected])
        ],
        "upcoming_url": listing.link(index.url, dates=False),
        "month_url": listing.link(index.url + index.reverse_subpage("this_month"), dates=False),
        "archive_url": listing.link(index.url + index.reverse_subpage("archive"), dates=False),
        "propose_url": index.url + index.reverse_subpage("propose"),
        "ics_url": ics_url,
        "webcal_url": f"webcal://{request.get_host()}{ics_url}",
        "rss_url": listing.link(index.url + index.reverse_subpage("rss_feed")),
    }
