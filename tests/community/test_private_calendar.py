"""The private calendar feed: the secret address is the key; it holds the member's groups' meetings only."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories.community import make_group, make_member

ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def group(db):
    return make_group("Comunità tirocini", slug="tirocini")


def make_meeting(group, starts_at=None, **fields):
    from community.models import Meeting

    fields.setdefault("title", "Incontro")
    starts_at = starts_at or timezone.now() + timedelta(days=7)
    return Meeting.objects.create(group=group, starts_at=starts_at, **fields)


def feed_url(member):
    return reverse("community:calendar", args=[member.calendar_token])


def unfolded_lines(response):
    # RFC 5545 folds long lines: a line starting with a space continues the previous one.
    return response.content.decode().replace("\r\n ", "").split("\r\n")


def test_feed_is_a_calendar_with_one_event_per_meeting_without_logging_in(client, group, member):
    first = make_meeting(group, title="Pianificazione", place="Sala A")
    make_meeting(group, title="Verifica", starts_at=timezone.now() - timedelta(days=30))

    response = client.get(feed_url(member))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    lines = unfolded_lines(response)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "END:VCALENDAR" in lines
    assert lines.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:Comunità tirocini: Pianificazione" in lines
    assert "LOCATION:Sala A" in lines
    assert f"URL:http://testserver{first.get_absolute_url()}" in lines
    assert len({line for line in lines if line.startswith("UID:")}) == 2
    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 2


def test_times_are_in_utc_and_a_meeting_without_end_lasts_an_hour(client, group, member):
    make_meeting(group, starts_at=datetime(2099, 7, 1, 10, 30, tzinfo=ROME))

    lines = unfolded_lines(client.get(feed_url(member)))

    assert "DTSTART:20990701T083000Z" in lines
    assert "DTEND:20990701T093000Z" in lines


def test_text_with_commas_and_newlines_is_escaped(client, group, member):
    make_meeting(group, title="Bilancio; verifica, rilancio", agenda="Primo\nSecondo")

    response = client.get(feed_url(member))

    lines = unfolded_lines(response)
    assert "SUMMARY:Comunità tirocini: Bilancio\\; verifica\\, rilancio" in lines
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["DESCRIPTION"]).startswith("Primo\nSecondo")


def test_feed_never_holds_another_groups_meetings(client, group, other_group, member):
    make_meeting(group, title="Nostro")
    make_meeting(other_group, title="Loro")
    make_member(groups=[other_group])

    content = client.get(feed_url(member)).content.decode()

    assert "Nostro" in content
    assert "Loro" not in content
    assert content.count("BEGIN:VEVENT") == 1


def test_meetings_older_than_90_days_are_left_out(client, group, member):
    make_meeting(group, title="Recente", starts_at=timezone.now() - timedelta(days=89))
    make_meeting(group, title="Vecchio", starts_at=timezone.now() - timedelta(days=91))

    content = client.get(feed_url(member)).content.decode()

    assert "Recente" in content
    assert "Vecchio" not in content


def test_unknown_token_is_404(client, member):
    assert client.get(reverse("community:calendar", args=["non-esiste"])).status_code == 404


def test_feed_of_a_deactivated_account_is_404(client, group, member):
    member.user.is_active = False
    member.user.save()

    assert client.get(feed_url(member)).status_code == 404


def test_feed_costs_the_same_queries_with_few_and_many_meetings(client, group, other_group, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    other = make_member(groups=[other_group])
    make_meeting(group)
    for _ in range(20):
        make_meeting(other_group)

    with CaptureQueriesContext(connection) as few:
        client.get(feed_url(member))
    with CaptureQueriesContext(connection) as many:
        client.get(feed_url(other))

    assert len(few) == len(many)


# A new address


def test_revoked_token_is_404_and_the_new_one_works(client, group, member):
    make_meeting(group, title="Nostro")
    old_url = feed_url(member)
    client.force_login(member.user)

    response = client.post(reverse("community:revoke_calendar"))

    assert (response.status_code, response.url) == (302, "/area-riservata/profilo/")
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages == ["Nuovo indirizzo creato: il precedente non funziona più"]
    member.refresh_from_db()
    client.logout()
    assert client.get(old_url).status_code == 404
    assert "Nostro" in client.get(feed_url(member)).content.decode()


def test_new_address_takes_a_post(client, member):
    token = member.calendar_token
    client.force_login(member.user)

    assert client.get(reverse("community:revoke_calendar")).status_code == 405
    member.refresh_from_db()
    assert member.calendar_token == token


def test_anonymous_visitor_asking_a_new_address_is_sent_to_the_login(client, member):
    token = member.calendar_token

    response = client.post(reverse("community:revoke_calendar"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    member.refresh_from_db()
    assert member.calendar_token == token
