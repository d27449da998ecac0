"""The event page: laid out as Italian public-sector event pages, with schema.org Event JSON-LD."""

import json
import re
from datetime import date, datetime

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from events.models import EventPage
from events.recurrence import Frequency
from tests.factories.events import at

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    (block,) = JSON_LD.findall(response.content.decode())
    return json.loads(block)


def assert_valid_event(data):
    """Google's required properties, with values of the right shape."""
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"]
    for key in ("startDate", "endDate"):
        value = data[key]
        parsed = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        if isinstance(parsed, datetime):
            assert parsed.utcoffset() is not None, f"{key} without an offset: {value}"
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    for location in locations:
        assert location["@type"] in ("Place", "VirtualLocation")
        if location["@type"] == "Place":
            assert location["name"] and location["address"]["addressLocality"]
            assert location["address"]["addressCountry"] == "IT"
        else:
            assert location["url"].startswith("https://")
    assert data["eventStatus"].startswith(SCHEMA)
    assert data["eventAttendanceMode"].startswith(SCHEMA)
    assert data["description"]


@pytest.fixture
def image(db, tmp_path):
    path = tmp_path / "foto.png"
    PILImage.new("RGB", (1600, 900), (0, 102, 204)).save(path)
    with open(path, "rb") as f:
        return Image.objects.create(title="Foto", file=ImageFile(f, name="foto.png"))


def test_json_ld_has_every_required_and_recommended_property(client, make_event, vocab, image, now):
    event = make_event(
        "Laboratorio di cucina",
        start=at(2026, 12, 5, 18),
        organiser=vocab.organisation("AFOL"),
        address="Via Roma 2",
        postal_code="20089",
        image=image,
    )
    data = json_ld(client, event)
    assert_valid_event(data)
    assert data["startDate"] == "2026-12-05T18:00:00+01:00"
    assert data["endDate"] == "2026-12-05T20:00:00+01:00"
    assert data["location"]["address"]["streetAddress"] == "Via Roma 2"
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert data["offers"]["price"] == "0" and data["offers"]["priceCurrency"] == "EUR"
    assert data["organizer"] == {"@type": "Organization", "name": "AFOL"} or data["organizer"]["name"] == "AFOL"
    assert data["image"][0].startswith("http") and data["image"][0].endswith(".png")
    assert data["url"].endswith(event.url)


def test_json_ld_of_an_online_cancelled_paid_event(client, make_event, now):
    event = make_event(
        "Webinar",
        start=at(2026, 12, 10, 11),
        comune=None,
        online_url="https://meet.example.org/w",
        status=EventPage.Status.CANCELLED,
        is_free=False,
        price="12.50",
    )
    data = json_ld(client, event)
    assert_valid_event(data)
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/w"}
    assert data["eventStatus"] == SCHEMA + "EventCancelled"
    assert data["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert data["offers"]["price"] == "12.50"


def test_json_ld_of_a_mixed_event_lists_both_places(client, make_event, vocab, now):
    data = json_ld(
        client,
        make_event(start=at(2026, 12, 10, 11), comune=vocab.comune("opera"), online_url="https://meet.example.org/w"),
    )
    assert_valid_event(data)
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"


def test_json_ld_of_a_repeating_event_is_one_event_per_upcoming_date(client, make_event, now):
    event = make_event(
        start=at(2026, 11, 3, 17, 30), repeat_frequency=Frequency.WEEKLY, repeat_until=date(2026, 12, 15)
    )
    data = json_ld(client, event)
    assert [item["startDate"] for item in data] == [
        "2026-12-01T17:30:00+01:00",
        "2026-12-08T17:30:00+01:00",
        "2026-12-15T17:30:00+01:00",
    ]
    for item in data:
        assert_valid_event(item)


def test_json_ld_of_an_all_day_event_uses_dates(client, make_event, now):
    data = json_ld(client, make_event(start=at(2026, 12, 12, 0, 0), end=at(2026, 12, 13, 0, 0), all_day=True))
    assert (data["startDate"], data["endDate"]) == ("2026-12-12", "2026-12-13")


def test_json_ld_cannot_be_closed_by_a_title(client, make_event, now):
    event = make_event('Festa </script><script>alert("x")</script>', start=at(2026, 12, 5))
    content = client.get(event.url).content.decode()
    assert "<script>alert" not in content
    assert json_ld(client, event)["name"] == event.title


def test_the_page_has_the_sections_of_an_italian_public_event_page(client, make_event, vocab, now):
    event = make_event(
        "Sportello",
        start=at(2026, 12, 5, 10),
        audience=[vocab.audience("donne")],
        themes=[vocab.theme("inclusione")],
        tags=["lavoro"],
        accessibility_notes="Ingresso senza gradini.",
        capacity=20,
        contact_email="info@example.org",
    )
    content = client.get(event.url).content.decode()
    for heading in (
        "Cos'è",
        "A chi è rivolto",
        "Luogo",
        "Date e orari",
        "Costi e iscrizione",
        "Contatti",
        "Accessibilità",
    ):
        assert heading in content.replace("&#x27;", "'"), heading
    assert "sabato 5 dicembre 2026, 10:00–12:00" in content.lower()
    assert f'href="{event.url}evento.ics"' in content
    assert f'href="webcal://testserver{event.url}evento.ics"' in content
    assert 'href="/tag/lavoro/"' in content
    assert "Ingresso senza gradini." in content and "20 posti disponibili" in content


def test_a_cancelled_event_says_so_first(client, make_event, now):
    event = make_event(status=EventPage.Status.CANCELLED, status_note="Sala inagibile.")
    content = client.get(event.url).content.decode()
    assert "Questo evento è annullato." in content and "Sala inagibile." in content


def test_a_repeating_event_lists_its_next_dates_and_the_days_it_skips(client, make_event, now):
    event = make_event(
        start=at(2026, 12, 1, 17, 30),
        repeat_frequency=Frequency.WEEKLY,
        repeat_until=date(2026, 12, 29),
        exdates=[date(2026, 12, 22)],
    )
    content = client.get(event.url).content.decode().lower()
    assert "si ripete ogni settimana, il martedì, fino al 29/12/2026" in content
    assert "martedì 15 dicembre 2026" in content
    assert 'non si tiene: <time datetime="2026-12-22">martedì 22 dicembre 2026</time>' in content
