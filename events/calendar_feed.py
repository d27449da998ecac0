"""iCalendar (RFC 5545) for the whole calendar, any filtered view of it, and one event.

UIDs come from the page's translation key, so they survive renames, moves and a
change of host name; SEQUENCE is the page's ``ical_sequence``; repeats travel
as RRULE and EXDATE with a VTIMEZONE for Europe/Rome, so calendar programs
expand them exactly as the listing does.
"""

from datetime import datetime, timedelta

from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from ciao.revalidation import revalidatable

from .listing import EventListing, Mode
from .recurrence import ROME, local

PRODID = "-//CIAO! Comunità di pratica//Eventi//IT"
UID_DOMAIN = "eventi.ciao-comunita-di-pratica"
STATUS = {"scheduled": "CONFIRMED", "cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def event_uid(event):
    return f"{event.translation_key}@{UID_DOMAIN}"


def _summary(event):
    # Many calendar programs do not show STATUS; the title says it too.
    if event.status == event.Status.CANCELLED:
        return _("ANNULLATO: %(title)s") % {"title": event.title}
    if event.status == event.Status.POSTPONED:
        return _("RINVIATO: %(title)s") % {"title": event.title}
    return event.title


def _location(event):
    if not event.comune_id:
        return event.online_url
    street = " ".join(p for p in (event.postal_code, event.comune.name) if p)
    return ", ".join(p for p in (event.venue, event.address, street) if p)


def _description(event, url):
    parts = [event.summary]
    if event.status_note:
        parts.append(event.status_note)
    if event.online_url:
        parts.append(_("Per partecipare online: %(url)s") % {"url": event.online_url})
    parts.append(_("Tutte le informazioni: %(url)s") % {"url": url})
    return "\n\n".join(p for p in parts if p)


def vevent(event, request):
    url = event.get_full_url(request)
    component = Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.last_published_at or timezone.now())
    if event.first_published_at:
        component.add("created", event.first_published_at)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    component.add("sequence", event.ical_sequence)
    component.add("summary", _summary(event))
    start = local(event.start)
    if event.all_day:
        first_day = start.date()
        last_day = max(local(event.end).date(), first_day)
        component.add("dtstart", first_day)
        component.add("dtend", last_day + timedelta(days=1))
    else:
        component.add("dtstart", start)
        component.add("dtend", local(event.end))
    if event.rrule:
        component.add("rrule", vRecur.from_ical(event.rrule))
        excluded = event.excluded_dates()
        if excluded:
            if event.all_day:
                component.add("exdate", excluded)
            else:
                component.add("exdate", [datetime.combine(d, start.time(), ROME) for d in excluded])
    component.add("status", STATUS.get(event.status, "CONFIRMED"))
    location = _location(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("description", _description(event, url))
    themes = [theme.name for theme in event.themes.all()]
    if themes:
        component.add("categories", themes)
    component.add("class", "PUBLIC")
    component.add("transp", "TRANSPARENT" if event.all_day else "OPAQUE")
    return component


def rome_vtimezone():
    """Europe/Rome as calendar programs write it: the EU rule since 1996, valid for any year ahead."""
    timezone_component = Timezone()
    timezone_component.add("tzid", "Europe/Rome")
    timezone_component.add("x-lic-location", "Europe/Rome")
    for kind, name, start, month, offset_from, offset_to in (
        (TimezoneDaylight, "CEST", datetime(1996, 3, 31, 2, 0), 3, timedelta(hours=1), timedelta(hours=2)),
        (TimezoneStandard, "CET", datetime(1996, 10, 27, 3, 0), 10, timedelta(hours=2), timedelta(hours=1)),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", offset_from)
        part.add("tzoffsetto", offset_to)
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        timezone_component.add_component(part)
    return timezone_component


def build_calendar(events, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Rome")
    # Hints for subscribed calendars: check again every few hours.
    calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    calendar.add_component(rome_vtimezone())
    for event in events:
        calendar.add_component(vevent(event, request))
    return calendar.to_ical()


def _response(request, body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return revalidatable(request, response)


def calendar_ics_response(index, request):
    listing = EventListing(index, request.GET, timezone.now(), Mode.FEED)
    events = listing.feed_events()
    prefetch_related_objects(events, "themes")
    name = _("%(title)s – CIAO! Comunità di pratica") % {"title": index.title}
    return _response(request, build_calendar(events, request, name), "calendario-eventi.ics")


def event_ics_response(event, request):
    prefetch_related_objects([event], "themes")
    body = build_calendar([event], request, event.title)
    return _response(request, body, f"{slugify(event.title)[:60] or 'evento'}.ics")
