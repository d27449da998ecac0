"""Editors write events in Wagtail's admin: the repeat editor, exception dates and Italian errors."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage
from tests.factories.events import at

pytestmark = pytest.mark.django_db


def event_form(vocab, **overrides):
    data = {
        "title": "Laboratorio di sartoria",
        "slug": "laboratorio-di-sartoria",
        "summary": "Ogni martedì si cuce insieme.",
        "start": "01/12/2026 17:30",
        "end": "01/12/2026 19:30",
        "repeat_frequency": "weekly",
        "repeat_interval": "1",
        "repeat_until": "26/01/2027",
        "exception_dates": inline_formset([{"date": "29/12/2026"}]),
        "comune": vocab.comune("trezzano-sul-naviglio").pk,
        "venue": "Laboratorio di quartiere",
        "status": "scheduled",
        "description": rich_text("<p>Si impara a cucire.</p>"),
        "is_free": "on",
        "registration": "none",
        "attachments": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])


def test_the_redazione_publishes_a_weekly_event_with_a_day_off(client, index, make_user, vocab, now):
    client.force_login(make_user("Redazione"))
    response = client.post(add_url(index), event_form(vocab))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(slug="laboratorio-di-sartoria")
    assert event.live
    assert event.rrule == "FREQ=WEEKLY;UNTIL=20270126T225959Z"
    assert event.start == at(2026, 12, 1, 17, 30)
    assert event.excluded_dates() == [date(2026, 12, 29)]
    assert len(event.occurrences()) == 8


def test_an_end_before_the_start_is_explained_next_to_the_field(client, index, make_user, vocab, now):
    client.force_login(make_user("Redazione"))
    response = client.post(add_url(index), event_form(vocab, end="01/12/2026 16:00"))
    assert response.status_code == 200
    assert "La fine deve venire dopo l&#x27;inizio." in response.content.decode()
    assert not EventPage.objects.exists()


def test_a_repeat_without_an_end_is_refused(client, index, make_user, vocab, now):
    client.force_login(make_user("Redazione"))
    response = client.post(add_url(index), event_form(vocab, repeat_until=""))
    assert "data di fine ripetizione" in response.content.decode()


def test_operatori_may_add_events_and_only_submit_them_for_review(client, index, make_user, vocab, now):
    client.force_login(make_user("Operatori"))
    data = event_form(vocab)
    data.pop("action-publish")
    data["action-submit"] = "action-submit"
    assert client.post(add_url(index), data).status_code == 302
    event = EventPage.objects.get(slug="laboratorio-di-sartoria")
    assert not event.live
    assert event.current_workflow_state is not None
