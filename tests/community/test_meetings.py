"""Meetings, minutes and actions: who sees them, who writes them, who ticks an action off."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories.community import make_member

ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def coordinator(group):
    return make_member("coordinatrice", coordinates=[group])


def make_meeting(group, days=7, **fields):
    from community.models import Meeting

    fields.setdefault("title", "Incontro di prova")
    return Meeting.objects.create(group=group, starts_at=timezone.now() + timedelta(days=days), **fields)


def make_action(meeting, assignee=None, **fields):
    from community.models import Action

    fields.setdefault("description", "Scrivere il resoconto")
    return Action.objects.create(meeting=meeting, assignee=assignee, **fields)


def meeting_url(meeting):
    return reverse("community:meeting", args=[meeting.group.slug, meeting.pk])


def edit_url(meeting):
    return reverse("community:edit_meeting", args=[meeting.group.slug, meeting.pk])


def new_url(group):
    return reverse("community:new_meeting", args=[group.slug])


def action_url(action):
    return reverse("community:action", args=[action.meeting.group.slug, action.pk])


def meeting_data(**overrides):
    data = {
        "title": "Cabina di aprile",
        "starts_at": "2027-04-15T10:30",
        "ends_at": "2027-04-15T12:00",
        "place": "Sala consiliare",
        "agenda": "1. Bilancio",
        "minutes": "",
        "decisions": "",
        "azioni-TOTAL_FORMS": "3",
        "azioni-INITIAL_FORMS": "0",
        "azioni-MIN_NUM_FORMS": "0",
        "azioni-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


# Seeing a meeting


def test_member_of_the_group_sees_the_meeting_with_agenda_minutes_and_actions(client, group, member):
    meeting = make_meeting(group, agenda="Punto primo", minutes="Si è parlato di tirocini", decisions="Rifare")
    make_action(meeting, assignee=member, description="Chiamare il centro per l'impiego", due_date=date(2027, 5, 2))
    client.force_login(member.user)

    response = client.get(meeting_url(meeting))

    assert response.status_code == 200
    content = response.content.decode()
    for text in ("Incontro di prova", "Punto primo", "Si è parlato di tirocini", "Rifare", "Chiamare il centro"):
        assert text in content
    assert "2/05/2027" in content


def test_anonymous_visitor_is_sent_to_the_login(client, group, member):
    meeting = make_meeting(group)
    action = make_action(meeting, assignee=member)

    for url in (meeting_url(meeting), edit_url(meeting), new_url(group)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    response = client.post(action_url(action))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("method", ["get", "post"])
def test_member_of_another_group_gets_404_on_every_meeting_address(client, group, member, outsider, method):
    meeting = make_meeting(group)
    action = make_action(meeting, assignee=member)
    client.force_login(outsider.user)

    for url in (meeting_url(meeting), edit_url(meeting), new_url(group), action_url(action)):
        assert getattr(client, method)(url, meeting_data()).status_code == 404, url
    action.refresh_from_db()
    assert not action.done


def test_another_groups_meeting_is_404_through_ones_own_group_address(client, group, other_group, outsider):
    meeting = make_meeting(group)
    client.force_login(outsider.user)

    url = reverse("community:meeting", args=[other_group.slug, meeting.pk])

    assert client.get(url).status_code == 404


def test_hostile_html_in_agenda_and_minutes_is_shown_escaped(client, group, member):
    meeting = make_meeting(
        group,
        title="<b>titolo</b>",
        agenda='<script>alert("agenda")</script>',
        minutes='<img src=x onerror="alert(1)">',
    )
    make_action(meeting, description="<a href='javascript:alert(1)'>clic</a>")
    client.force_login(member.user)

    content = client.get(meeting_url(meeting)).content.decode()

    assert "<script>alert" not in content
    assert "<img src=x" not in content
    assert "<b>titolo</b>" not in content
    assert "<a href='javascript" not in content
    assert "&lt;script&gt;alert(&quot;agenda&quot;)&lt;/script&gt;" in content
    assert "&lt;img src=x" in content


def test_meeting_page_costs_the_same_queries_with_3_and_with_30_actions(client, group, member):
    small, large = make_meeting(group, title="Piccolo"), make_meeting(group, title="Grande")
    people = [make_member(groups=[group]) for _ in range(5)]
    for index in range(3):
        make_action(small, assignee=people[index % 5])
    for index in range(30):
        make_action(large, assignee=people[index % 5], due_date=date(2027, 1, 1) + timedelta(days=index))
    client.force_login(member.user)
    client.get(meeting_url(small))  # the session's first read is not the page's cost

    with CaptureQueriesContext(connection) as with_3:
        assert client.get(meeting_url(small)).status_code == 200
    with CaptureQueriesContext(connection) as with_30:
        assert client.get(meeting_url(large)).status_code == 200

    assert len(with_3) == len(with_30)


def test_meeting_form_costs_the_same_queries_with_3_and_with_30_actions(client, group, coordinator):
    small, large = make_meeting(group, title="Piccolo"), make_meeting(group, title="Grande")
    people = [make_member(groups=[group]) for _ in range(5)]
    for index in range(3):
        make_action(small, assignee=people[index % 5])
    for index in range(30):
        make_action(large, assignee=people[index % 5])
    client.force_login(coordinator.user)
    client.get(edit_url(small))

    with CaptureQueriesContext(connection) as with_3:
        assert client.get(edit_url(small)).status_code == 200
    with CaptureQueriesContext(connection) as with_30:
        assert client.get(edit_url(large)).status_code == 200

    assert len(with_3) == len(with_30)


# Writing a meeting


def test_plain_member_may_not_create_or_edit_a_meeting(client, group, member):
    meeting = make_meeting(group)
    client.force_login(member.user)

    assert client.get(new_url(group)).status_code == 403
    assert client.post(new_url(group), meeting_data()).status_code == 403
    assert client.get(edit_url(meeting)).status_code == 403
    assert client.post(edit_url(meeting), meeting_data(title="Cambiato")).status_code == 403
    meeting.refresh_from_db()
    assert meeting.title == "Incontro di prova"


def test_meeting_form_shows_date_pickers_and_three_empty_actions(client, group, coordinator):
    client.force_login(coordinator.user)

    content = client.get(new_url(group)).content.decode()

    assert 'type="datetime-local"' in content
    assert 'type="date"' in content
    assert 'name="azioni-TOTAL_FORMS" value="3"' in content


def test_coordinator_creates_a_meeting_with_its_actions(client, group, coordinator, member):
    from community.models import Meeting

    client.force_login(coordinator.user)
    data = meeting_data(
        **{
            "azioni-0-description": "Preparare il questionario",
            "azioni-0-assignee": str(member.pk),
            "azioni-0-due_date": "2027-05-01",
            "azioni-1-description": "Prenotare la sala",
        }
    )

    response = client.post(new_url(group), data)

    meeting = Meeting.objects.get(group=group)
    assert response.status_code == 302
    assert response.url == meeting_url(meeting)
    assert meeting.created_by == coordinator
    assert meeting.starts_at == datetime(2027, 4, 15, 10, 30, tzinfo=ROME)
    actions = list(meeting.actions.order_by("pk"))
    assert [a.description for a in actions] == ["Preparare il questionario", "Prenotare la sala"]
    assert actions[0].assignee == member
    assert actions[0].due_date == date(2027, 5, 1)
    assert actions[1].assignee is None


def test_coordinator_writes_the_minutes_and_edits_and_removes_actions(client, group, coordinator, member):
    meeting = make_meeting(group)
    kept = make_action(meeting, assignee=member, description="Da tenere")
    removed = make_action(meeting, description="Da togliere")
    client.force_login(coordinator.user)
    data = meeting_data(
        minutes="Verbale scritto",
        decisions="Decisione presa",
        **{
            "azioni-TOTAL_FORMS": "5",
            "azioni-INITIAL_FORMS": "2",
            "azioni-0-id": str(kept.pk),
            "azioni-0-description": "Da tenere, cambiata",
            "azioni-0-assignee": str(member.pk),
            "azioni-0-done": "on",
            "azioni-1-id": str(removed.pk),
            "azioni-1-description": "Da togliere",
            "azioni-1-DELETE": "on",
        },
    )

    response = client.post(edit_url(meeting), data)

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.minutes == "Verbale scritto"
    assert meeting.decisions == "Decisione presa"
    assert [(a.description, a.done) for a in meeting.actions.all()] == [("Da tenere, cambiata", True)]


def test_redazione_edits_any_groups_meeting(client, group, make_user):
    from ciao.roles import REDAZIONE

    meeting = make_meeting(group)
    client.force_login(make_user(REDAZIONE))

    response = client.post(edit_url(meeting), meeting_data(title="Dalla redazione"))

    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.title == "Dalla redazione"


def test_malformed_date_is_refused_with_400_and_keeps_what_was_typed(client, group, coordinator):
    from community.models import Meeting

    client.force_login(coordinator.user)
    data = meeting_data(
        starts_at="15 aprile alle dieci",
        agenda="Un ordine del giorno lungo",
        **{"azioni-0-description": "Un'azione scritta", "azioni-0-due_date": "domani"},
    )

    response = client.post(new_url(group), data)

    assert response.status_code == 400
    content = response.content.decode()
    assert "Scrivi data e ora così" in content
    assert "Scrivi la data così" in content
    assert 'value="15 aprile alle dieci"' in content
    assert 'value="Cabina di aprile"' in content
    assert "Un ordine del giorno lungo" in content
    assert 'value="Un&#x27;azione scritta"' in content
    assert not Meeting.objects.exists()


def test_end_before_start_is_refused(client, group, coordinator):
    from community.models import Meeting

    client.force_login(coordinator.user)

    response = client.post(new_url(group), meeting_data(ends_at="2027-04-15T09:00"))

    assert response.status_code == 400
    assert "La fine deve venire dopo l&#x27;inizio" in response.content.decode()
    assert not Meeting.objects.exists()


def test_action_may_only_go_to_a_person_of_the_group(client, group, coordinator, outsider):
    from community.models import Meeting

    client.force_login(coordinator.user)
    data = meeting_data(**{"azioni-0-description": "Fuori", "azioni-0-assignee": str(outsider.pk)})

    response = client.post(new_url(group), data)

    assert response.status_code == 400
    assert "Scegli una persona del gruppo" in response.content.decode()
    assert not Meeting.objects.exists()


def test_assignee_choices_list_only_the_groups_people(client, group, coordinator, member, outsider):
    client.force_login(coordinator.user)

    content = client.get(new_url(group)).content.decode()

    assert f'<option value="{member.pk}">{member.name}</option>' in content
    assert f'<option value="{outsider.pk}"' not in content
    assert outsider.name not in content


# Ticking an action off


def test_assignee_marks_their_action_done_and_not_done(client, group, member):
    action = make_action(make_meeting(group), assignee=member)
    client.force_login(member.user)

    response = client.post(action_url(action), {"done": "1"})

    assert response.status_code == 302
    assert response.url == meeting_url(action.meeting) + "#azioni"
    action.refresh_from_db()
    assert action.done
    client.post(action_url(action), {"done": "0"})
    action.refresh_from_db()
    assert not action.done


def test_same_button_twice_leaves_the_action_done(client, group, member):
    action = make_action(make_meeting(group), assignee=member)
    client.force_login(member.user)

    client.post(action_url(action), {"done": "1"})
    client.post(action_url(action), {"done": "1"})

    action.refresh_from_db()
    assert action.done


def test_coordinator_marks_someone_elses_action(client, group, coordinator, member):
    action = make_action(make_meeting(group), assignee=member)
    client.force_login(coordinator.user)

    assert client.post(action_url(action), {"done": "1"}).status_code == 302
    action.refresh_from_db()
    assert action.done


def test_other_member_of_the_group_may_not_mark_an_action(client, group, member):
    action = make_action(make_meeting(group), assignee=member)
    colleague = make_member(groups=[group])
    client.force_login(colleague.user)

    assert client.post(action_url(action), {"done": "1"}).status_code == 403
    action.refresh_from_db()
    assert not action.done


def test_marking_an_action_takes_a_post(client, group, member):
    action = make_action(make_meeting(group), assignee=member)
    client.force_login(member.user)

    assert client.get(action_url(action)).status_code == 405


def test_meeting_page_offers_the_switch_only_to_who_may_use_it(client, group, member, coordinator):
    meeting = make_meeting(group)
    own = make_action(meeting, assignee=member, description="Mia")
    others = make_action(meeting, assignee=coordinator, description="Sua")
    client.force_login(member.user)

    content = client.get(meeting_url(meeting)).content.decode()

    assert action_url(own) in content
    assert action_url(others) not in content


# The helpers behind the area's lists


def test_upcoming_meetings_are_the_groups_next_ones_soonest_first(group, other_group):
    from community.meetings import upcoming_meetings

    later, sooner = make_meeting(group, days=10), make_meeting(group, days=2)
    make_meeting(group, days=-2)
    make_meeting(other_group, days=1)

    assert upcoming_meetings([group], 5) == [sooner, later]
    assert upcoming_meetings([group], 1) == [sooner]


def test_recent_meetings_are_the_groups_past_ones_latest_first(group):
    from community.meetings import recent_meetings

    older, newer = make_meeting(group, days=-20), make_meeting(group, days=-3)
    make_meeting(group, days=3)

    assert recent_meetings(group, 5) == [newer, older]


def test_open_actions_of_a_member_are_theirs_not_done_soonest_due_first(group, member, coordinator):
    from community.meetings import open_actions_for

    meeting = make_meeting(group)
    undated = make_action(meeting, assignee=member)
    late = make_action(meeting, assignee=member, due_date=date(2027, 6, 1))
    early = make_action(meeting, assignee=member, due_date=date(2027, 5, 1))
    make_action(meeting, assignee=member, done=True)
    make_action(meeting, assignee=coordinator)

    assert open_actions_for(member) == [early, late, undated]


def test_open_actions_come_in_one_query_with_meeting_and_group(group, member, django_assert_num_queries):
    from django.template.loader import render_to_string

    from community.meetings import open_actions_for

    for index in range(10):
        make_action(make_meeting(group, title=f"Incontro {index}"), assignee=member)

    with django_assert_num_queries(1):
        html = render_to_string("community/includes/action_list.html", {"actions": open_actions_for(member)})

    assert html.count("<li") == 10
    assert "Incontro 9" in html
