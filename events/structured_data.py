"""schema.org ``Event`` JSON-LD, with the properties Google requires and recommends.

A repeating event is described as one ``Event`` per upcoming date, as Google
asks for events with several dates.
"""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from .recurrence import local

SCHEMA = "https://schema.org/"
STATUS = {"scheduled": "EventScheduled", "cancelled": "EventCancelled", "postponed": "EventPostponed"}
ATTENDANCE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
MAX_DATES = 10
# Everything a browser could take for the end of the script element, escaped as JSON allows.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _dates(occurrence):
    if occurrence.all_day:
        return occurrence.start.date().isoformat(), occurrence.last_day.isoformat()
    return local(occurrence.start).isoformat(), local(occurrence.end).isoformat()


def _location(event):
    places = []
    if event.comune_id:
        address = {
            "@type": "PostalAddress",
            "addressLocality": event.comune.name,
            "addressRegion": "MI",
            "addressCountry": "IT",
        }
        if event.address:
            address["streetAddress"] = event.address
        if event.postal_code:
            address["postalCode"] = event.postal_code
        places.append({"@type": "Place", "name": event.venue or event.comune.name, "address": address})
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    return places[0] if len(places) == 1 else places


def _offers(event, page_url):
    if not event.is_free and event.price is None:
        return None
    offer = {
        "@type": "Offer",
        "price": "0" if event.is_free else f"{event.price:.2f}",
        "priceCurrency": "EUR",
        "url": event.registration_url or page_url,
        "availability": SCHEMA + ("SoldOut" if event.capacity == 0 else "InStock"),
    }
    if event.first_published_at:
        offer["validFrom"] = local(event.first_published_at).isoformat()
    return offer


def event_json_ld(event, request, upcoming=None):
    page_url = event.get_full_url(request)
    base = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or strip_tags(event.description)[:300],
        "url": page_url,
        "eventStatus": SCHEMA + STATUS.get(event.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA + ATTENDANCE.get(event.attendance_mode, "OfflineEventAttendanceMode"),
        "location": _location(event),
        "inLanguage": "it",
    }
    if event.image_id:
        rendition = event.image.get_rendition("fill-1200x675")
        base["image"] = [request.build_absolute_uri(rendition.url)]
    offers = _offers(event, page_url)
    if offers:
        base["offers"] = offers
    if event.organiser_label:
        organizer = {"@type": "Organization", "name": event.organiser_label}
        if event.organiser_id and event.organiser.website:
            organizer["url"] = event.organiser.website
        base["organizer"] = organizer

    dates = list(upcoming or [])[:MAX_DATES] if event.rrule else []
    if not dates:
        first = event.occurrences()
        dates = first[:1] if first else []
    items = [{**base, "startDate": start, "endDate": end} for start, end in map(_dates, dates)]
    return items[0] if len(items) == 1 else items


def json_ld_script(data):
    """The JSON for a ``<script type="application/ld+json">``, safe to place in HTML."""
    return mark_safe(json.dumps(data, ensure_ascii=False, indent=None).translate(_ESCAPES))  # noqa: S308 - <, >, & and line separators escaped by _ESCAPES
