"""EventPage: validation in plain Italian, derived fields, SEQUENCE that follows real changes."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from events.models import EventPage
from events.recurrence import Frequency
from tests.factories.events import at

pytestmark = pytest.mark.django_db


def errors_of(page):
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return {field: " ".join(messages) for field, messages in raised.value.message_dict.items()}


def draft(vocab, **fields):
    values = {
        "title": "Prova",
        "summary": "x",
        "start": at(2026, 12, 5),
        "end": at(2026, 12, 5, 20),
        "comune": vocab.comune("opera"),
        "venue": "Biblioteca",
    }
    values.update(fields)
    return EventPage(**values)


def test_end_must_come_after_start(vocab):
    assert "dopo l'inizio" in errors_of(draft(vocab, end=at(2026, 12, 5, 17)))["end"]


def test_an_event_needs_a_place_or_a_link(vocab):
    errors = errors_of(draft(vocab, comune=None, venue=""))
    assert "oppure il collegamento" in errors["comune"]
    assert "online_url" in errors


def test_an_online_event_needs_no_comune(vocab):
    draft(vocab, comune=None, venue="", online_url="https://meet.example.org/x").clean()


def test_a_repeat_must_end(vocab):
    errors = errors_of(draft(vocab, repeat_frequency=Frequency.WEEKLY))
    assert "data di fine ripetizione" in errors["repeat_until"]


def test_a_repeat_may_not_last_more_than_two_years(vocab):
    errors = errors_of(draft(vocab, repeat_frequency=Frequency.WEEKLY, repeat_until=date(2029, 12, 5)))
    assert "due anni" in errors["repeat_until"]


def test_a_paid_event_says_how_much(vocab):
    assert "quanto costa" in errors_of(draft(vocab, is_free=False))["price"]


def test_registration_by_link_needs_the_link(vocab):
    assert "registration_url" in errors_of(draft(vocab, registration="link"))


def test_saving_derives_rule_last_end_ambito_and_attendance(make_event, vocab):
    event = make_event(
        start=at(2026, 12, 1, 17, 30),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2026, 12, 15),
        comune=vocab.comune("corsico"),
        online_url="https://meet.example.org/lab",
    )
    assert event.rrule == "FREQ=WEEKLY;UNTIL=20261215T225959Z"
    assert event.last_end == at(2026, 12, 15, 19, 30)
    assert event.ambito.slug == "corsichese"
    assert event.attendance_mode == EventPage.AttendanceMode.MIXED


def test_moving_a_comune_to_another_ambito_moves_its_events(make_event, vocab):
    event = make_event(comune=vocab.comune("opera"))
    comune = vocab.comune("opera")
    comune.ambito = vocab.ambito("paullese")
    comune.save()
    event.refresh_from_db()
    assert event.ambito.slug == "paullese"


def test_sequence_grows_when_a_published_date_changes(make_event):
    event = make_event()
    assert event.ical_sequence == 0
    event.start, event.end = at(2026, 12, 6), at(2026, 12, 6, 20)
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.ical_sequence == 1


def test_sequence_stays_when_only_the_description_changes(make_event):
    event = make_event()
    event.description = "<p>Più dettagli.</p>"
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.ical_sequence == 0


def test_sequence_never_goes_back_when_an_old_revision_is_published(make_event):
    event = make_event()
    first_revision = event.latest_revision
    event.status = EventPage.Status.CANCELLED
    event.save_revision().publish()
    first_revision.publish()  # the editor restores the scheduled version
    event.refresh_from_db()
    assert event.status == EventPage.Status.SCHEDULED
    assert event.ical_sequence == 2


def test_saving_a_draft_of_a_live_event_does_not_change_its_sequence(make_event):
    event = make_event()
    event.start, event.end = at(2026, 12, 7), at(2026, 12, 7, 20)
    event.save_revision()
    event.refresh_from_db()
    assert event.ical_sequence == 0


def test_a_series_card_says_it_goes_on_after_its_first_date(make_event, vocab):
    weekly = make_event(
        "Laboratorio di sartoria",
        start=at(2026, 9, 29, 17, 30),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2027, 2, 23),
        comune=vocab.comune("rozzano"),
        venue="Biblioteca civica",
    )
    once = make_event("Concerto", start=at(2026, 12, 19, 21), comune=vocab.comune("rozzano"), venue="Teatro")

    assert weekly.card_meta == (
        "29 settembre 2026, 17:30, poi ogni settimana, il martedì, fino al 23/02/2027 · Biblioteca civica, Rozzano"
    )
    assert once.card_meta == "19 dicembre 2026, 21:00 · Teatro, Rozzano"
