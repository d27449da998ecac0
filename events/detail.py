"""What an event's page shows beyond its own fields: next dates, calendar links, JSON-LD."""

from django.db.models import prefetch_related_objects
from django.utils import timezone

from .structured_data import event_json_ld, json_ld_script

DETAIL_NEXT_DATES = 10


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
