"""A member's meetings as iCalendar (RFC 5545), written with the ``icalendar`` package as events/ does.

Times travel in UTC, which every calendar program reads without a VTIMEZONE;
a meeting without an end lasts an hour in the calendar.
"""

from datetime import UTC, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

PRODID = "-//CIAO! Comunità di pratica//Area riservata//IT"
UID_DOMAIN = "incontri.ciao-comunita-di-pratica"
DEFAULT_LENGTH = timedelta(hours=1)


def meeting_uid(meeting):
    # The primary key never changes, whatever the title, group slug or host name become.
    return f"meeting-{meeting.pk}@{UID_DOMAIN}"


def meeting_event(meeting, url):
    """The VEVENT of ``meeting`` (its ``group`` loaded), pointing at ``url``."""
    start = meeting.starts_at.astimezone(UTC)
    end = (meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH).astimezone(UTC)
    component = Event()
    component.add("uid", meeting_uid(meeting))
    component.add("dtstamp", timezone.now().astimezone(UTC))
    component.add("dtstart", start)
    component.add("dtend", end)
    component.add("summary", f"{meeting.group.name}: {meeting.title}")
    if meeting.place:
        component.add("location", meeting.place)
    component.add("url", url)
    description = [meeting.agenda.strip()] if meeting.agenda.strip() else []
    description.append(_("Dettagli, verbale e azioni: %(url)s") % {"url": url})
    component.add("description", "\n\n".join(description))
    component.add("class", "PRIVATE")
    return component


def meetings_calendar(meetings, url_for, name):
    """The calendar's bytes: one VEVENT per meeting; ``url_for(meeting)`` is the meeting page's full URL."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Rome")
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting, url_for(meeting)))
    return calendar.to_ical()
