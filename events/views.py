"""The events section's pages: upcoming events, month view, archive, event detail, home block."""

import calendar
from datetime import date, timedelta

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from ciao.home import HomeSection

from .filters import EARLIEST, LATEST
from .listing import EventListing, Mode, index_events
from .recurrence import expand, local, month_bounds
from .structured_data import event_json_ld, json_ld_script
from .templatetags.events_tags import italian_date

HOME_ITEMS = 3
DETAIL_NEXT_DATES = 10


def _section_links(index, request, listing):
    """Links shared by the section's views; they keep the filters except the dates."""
    querystring = listing.querystring(dates=False)
    suffix = f"?{querystring}" if querystring else ""
    feed_query = listing.querystring()
    feed_suffix = f"?{feed_query}" if feed_query else ""
    ics_path = index.url + index.reverse_subpage("calendar_ics") + feed_suffix
    return {
        "upcoming_url": index.url + suffix,
        "month_url": index.url + index.reverse_subpage("this_month") + suffix,
        "archive_url": index.url + index.reverse_subpage("archive") + suffix,
        "propose_url": index.url + index.reverse_subpage("propose"),
        "ics_url": ics_path,
        "webcal_url": f"webcal://{request.get_host()}{ics_path}",
        "rss_url": index.url + index.reverse_subpage("rss_feed") + feed_suffix,
    }


def _listing_context(index, request, listing, template_mode):
    facet_results = listing.facet_results()
    return {
        "page": index,
        "self": index,
        "mode": template_mode,
        "listing": listing,
        "form": listing.form,
        # Options nothing matches are left out (27 comuni would drown the form), unless chosen.
        "visible_facets": [
            (facet, options)
            for facet in facet_results
            if (options := [o for o in facet.options if o.count or o.selected])
        ],
        "chips": listing.chips(facet_results),
        "filter_messages": listing.messages,
        "querystring": listing.querystring(),
        **_section_links(index, request, listing),
    }


def upcoming(index, request):
    listing = EventListing(index, request.GET, timezone.now(), Mode.UPCOMING)
    occurrences = listing.paginate(listing.occurrences(), request.GET.get("page"))
    context = _listing_context(index, request, listing, Mode.UPCOMING)
    context.update({"occurrences": occurrences, "heading": index.title})
    return TemplateResponse(request, "events/event_index_page.html", context)


def archive(index, request):
    listing = EventListing(index, request.GET, timezone.now(), Mode.ARCHIVE)
    occurrences = listing.paginate(listing.occurrences(), request.GET.get("page"))
    context = _listing_context(index, request, listing, Mode.ARCHIVE)
    context.update({"occurrences": occurrences, "heading": _("Eventi passati")})
    return TemplateResponse(request, "events/event_index_page.html", context)


def this_month(index, request):
    today = local(timezone.now()).date()
    return month(index, request, today.year, today.month)


def month(index, request, year, month_number):
    if not (1 <= month_number <= 12 and EARLIEST.year <= year <= LATEST.year):
        raise Http404(_("Mese non valido"))
    now = timezone.now()
    listing = EventListing(index, request.GET, now, Mode.MONTH, month_window=month_bounds(year, month_number))
    occurrences = listing.occurrences()
    by_day = {}
    for occurrence in occurrences:
        day = occurrence.start.date()
        while day <= occurrence.last_day:
            by_day.setdefault(day, []).append(occurrence)
            day += timedelta(days=1)
    today = local(now).date()
    weeks = [
        [
            {"date": day, "in_month": day.month == month_number, "is_today": day == today, "occurrences": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month_number)
    ]
    first = date(year, month_number, 1)
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=31)).replace(day=1)
    querystring = listing.querystring()
    suffix = f"?{querystring}" if querystring else ""

    def month_url(day):
        if not (EARLIEST.year <= day.year <= LATEST.year):
            return ""
        return index.url + index.reverse_subpage("month", kwargs={"year": str(day.year), "month": f"{day.month:02d}"}) + suffix

    context = _listing_context(index, request, listing, Mode.MONTH)
    context.update({
        "heading": _("Calendario di %(month)s") % {"month": italian_date(first, "F Y")},
        "month_label": italian_date(first, "F Y"),
        "weeks": weeks,
        "weekdays": [italian_date(date(2024, 1, d), "l") for d in range(1, 8)],  # 1 Jan 2024 was a Monday
        "month_occurrences": occurrences,
        "previous_url": month_url(previous),
        "previous_label": italian_date(previous, "F Y"),
        "next_url": month_url(following),
        "next_label": italian_date(following, "F Y"),
    })
    return TemplateResponse(request, "events/event_month.html", context)


def event_context(event, request):
    # Read once here, not once per use in the occurrences, JSON-LD and template.
    prefetch_related_objects([event], "exception_dates", "themes", "audience", "comune__ambito", "organiser")
    now = timezone.now()
    upcoming = event.occurrences(window_start=now)
    ics_url = event.url + event.reverse_subpage("event_ics")
    return {
        "next_occurrence": upcoming[0] if upcoming else None,
        "upcoming_dates": upcoming[:DETAIL_NEXT_DATES],
        "more_dates": max(len(upcoming) - DETAIL_NEXT_DATES, 0),
        "is_past": not upcoming,
        "ics_url": ics_url,
        "webcal_url": f"webcal://{request.get_host()}{ics_url}",
        "json_ld": json_ld_script(event_json_ld(event, request, upcoming)),
    }


def home_section(request, home):
    from .models import EventIndexPage

    index = EventIndexPage.objects.live().public().descendant_of(home).first()
    if index is None:
        return None
    now = timezone.now()
    seen, items = set(), []
    # Candidates by next date; a weekly laboratorio appears once, not three times.
    for occurrence in expand(index_events(index).filter(last_end__gt=now), window_start=now):
        if occurrence.event.pk not in seen:
            seen.add(occurrence.event.pk)
            items.append(occurrence)
        if len(items) == HOME_ITEMS:
            break
    return HomeSection(
        title=_("Prossimi eventi"),
        items=items,
        more_url=index.url,
        more_label=_("Tutti gli eventi"),
        order=20,
        item_template="events/includes/occurrence_card.html",
    )
