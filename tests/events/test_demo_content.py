"""seed_demo's events: enough, everywhere, of every kind, and only once."""

import io

import pytest
from django.core.management import call_command

from ciao.models import Ambito
from events.models import EventIndexPage, EventPage, EventProposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_site, db):
    return EventIndexPage.objects.get(slug="eventi")


def test_demo_has_at_least_thirty_public_events_around_today(seeded):
    from django.utils import timezone

    live = EventPage.objects.live().child_of(seeded)
    assert live.count() >= 30
    today = timezone.now()
    assert live.filter(start__lt=today).count() >= 10 and live.filter(start__gt=today).count() >= 10
    assert seeded.show_in_menus


def test_demo_events_cover_every_ambito(seeded):
    covered = set(EventPage.objects.live().values_list("comune__ambito__slug", flat=True))
    assert set(Ambito.objects.values_list("slug", flat=True)) <= covered


def test_demo_has_repeats_a_cancellation_and_an_online_event(seeded):
    live = EventPage.objects.live()
    assert live.filter(rrule__startswith="FREQ=WEEKLY").count() >= 1
    assert live.filter(status="cancelled").count() == 1
    assert live.filter(attendance_mode="online").exists()
    assert EventProposal.objects.filter(page__live=False).count() == 1


def test_seeding_twice_changes_nothing(seeded):
    before = EventPage.objects.count(), EventProposal.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert (EventPage.objects.count(), EventProposal.objects.count()) == before
