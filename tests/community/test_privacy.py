"""What a working group holds is seen by its members and the redazione, and by nobody else, anywhere.

Two groups, A and B. Group A holds a meeting with minutes and an action, a discussion,
a shared document and a partners' meeting among the events (a page restricted to A's
Django group), each carrying a secret word. Then:

- every reserved-area address of group A, tried as anonymous, a member of B, a member of
  A, A's coordinator and the redazione: each gets exactly its answer (login, 404, 403, 200);
- every public address (search and its spelling suggestions, suggestions, tag pages, feeds,
  calendars, API, sitemap, error pages), the reserved area's search and B's member's private
  calendar, tried by those who may not see A's content: no secret word anywhere;
- A's members and the redazione find each item of A in the site search, marked reserved.
"""

import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.models import Action, Meeting, Post, SharedDocument, Thread
from tests.factories.community import make_group, make_member

pytestmark = pytest.mark.django_db

# What each item of group A carries: a marker looked for in every answer, and a word typed
# into the search (the search page repeats what was typed, so the two must differ).
SECRETS = {
    "meeting": "Zafferanomeeting",
    "minutes": "Zafferanoverbale",
    "action": "Zafferanoazione",
    "thread": "Zafferanodiscussione",
    "post": "Zafferanomessaggio",
    "document": "Zafferanodocumento",
    "document_text": "Zafferanotesto",
    "event": "Zafferanoincontro",
}
SEARCHED = {name: f"cardamomo{name}" for name in SECRETS}


def words(name):
    return f"{SECRETS[name]} {SEARCHED[name]}"


@pytest.fixture
def world(demo_site, db, make_user):
    from events.models import EventIndexPage, EventPage

    a, b = make_group("Gruppo A", slug="gruppo-a"), make_group("Gruppo B", slug="gruppo-b")
    member_a = make_member("membro_a", groups=[a])
    coordinator = make_member("coordina_a", coordinates=[a])
    member_b = make_member("membro_b", groups=[b])
    start = timezone.now() + timedelta(days=3)
    meeting = Meeting.objects.create(
        group=a,
        title=f"Incontro {words('meeting')}",
        starts_at=start,
        agenda="Punto uno",
        minutes=f"Verbale {words('minutes')}",
    )
    action = Action.objects.create(meeting=meeting, description=f"Fare {words('action')}", assignee=member_a)
    thread = Thread.objects.create(group=a, title=f"Tema {words('thread')}", author=member_a, last_post_at=start)
    post = Post.objects.create(thread=thread, author=member_a, body=f"Testo {words('post')}")
    document = SharedDocument(group=a, title=f"Documento {words('document')}", text=words("document_text"))
    document.file.save("riservato.txt", ContentFile(f"{words('document_text')}\n".encode()), save=True)
    events = EventIndexPage.objects.live().first()
    template = EventPage.objects.live().filter(path__startswith=events.path).first()
    event = EventPage(
        title=f"Riunione dei partner {words('event')}",
        slug="riunione-partner-riservata",
        start=start,
        end=start + timedelta(hours=2),
        comune=template.comune,
        venue="Sede",
        summary=f"Ordine del giorno {words('event')}",
    )
    events.add_child(instance=event)
    event.save_revision().publish()
    restriction = PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(a.auth_group)
    return {
        "a": a,
        "b": b,
        "member_a": member_a,
        "coordinator": coordinator,
        "member_b": member_b,
        "redazione": make_user("Redazione"),
        "meeting": meeting,
        "action": action,
        "thread": thread,
        "post": post,
        "document": document,
        "event": event,
    }


def reserved_addresses(w):
    """(method, address, who may) for every address of group A: "members", "managers" (coordinators,
    redazione), "writers" (members with a profile), "author" (of the post), "assignee" (of the action)."""
    slug = w["a"].slug
    return [
        ("get", reverse("community:group", args=[slug]), "members"),
        ("get", reverse("community:meeting", args=[slug, w["meeting"].pk]), "members"),
        ("get", reverse("community:thread", args=[slug, w["thread"].pk]), "members"),
        ("get", reverse("community:new_thread", args=[slug]), "writers"),
        ("get", reverse("community:upload_document", args=[slug]), "members"),
        ("get", reverse("community:document", args=[slug, w["document"].pk]), "members"),
        ("get", reverse("community:group_people", args=[slug]), "managers"),
        ("get", reverse("community:new_meeting", args=[slug]), "managers"),
        ("get", reverse("community:edit_meeting", args=[slug, w["meeting"].pk]), "managers"),
        ("get", reverse("community:hide_post", args=[slug, w["post"].pk]), "managers"),
        ("get", reverse("community:edit_post", args=[slug, w["post"].pk]), "author"),
        ("post", reverse("community:follow_thread", args=[slug, w["thread"].pk]), "writers"),
        ("post", reverse("community:action", args=[slug, w["action"].pk]), "assignee"),
    ]


def expected_status(who, rule, method):
    if who == "anonymous":
        return 302
    if who == "member_b":
        return 404
    if who == "redazione":  # without a member profile: reads and manages, does not write
        return {"author": 403, "writers": 403, "assignee": 302}.get(rule, 302 if method == "post" else 200)
    if who == "member_a":
        if rule == "managers":
            return 403
        return 302 if method == "post" else 200
    if who == "coordinator":
        return {"author": 403}.get(rule, 302 if method == "post" else 200)
    raise AssertionError(who)


@pytest.mark.parametrize("who", ["anonymous", "member_b", "member_a", "coordinator", "redazione"])
def test_every_reserved_address_of_a_group_answers_each_person_as_it_should(client, world, who):
    if who != "anonymous":
        user = world[who] if who == "redazione" else world[who].user
        client.force_login(user)
    wrong = []
    for method, address, rule in reserved_addresses(world):
        response = getattr(client, method)(address)
        expected = expected_status(who, rule, method)
        if response.status_code != expected:
            wrong.append((method, address, response.status_code, expected))
        if who == "anonymous":
            assert response["Location"].startswith("/accedi/?next="), address
        if response.status_code in (403, 404):
            assert not any(secret in response.content.decode() for secret in SECRETS.values()), address
    assert wrong == []


def public_addresses(w):
    addresses = [
        "/",
        "/tag/",
        "/sitemap.xml",
        "/buone-pratiche/feed/",
        "/materiali/feed/",
        "/eventi/feed/",
        "/eventi/",
        "/eventi/calendario.ics",
        w["event"].url + "evento.ics",
        w["event"].url,
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?type=events.EventPage&limit=100",
        f"/api/v2/pages/{w['event'].pk}/",
        "/area-riservata/gruppi/gruppo-a/non-esiste/",
        reverse("community:calendar", args=[w["member_b"].calendar_token]),
    ]
    for name, word in SEARCHED.items():
        addresses += [
            f"/cerca/?q={word}",
            f"/cerca/suggerimenti/?q={word[:11]}",
            f"/api/v2/pages/?search={word}",
            f"{reverse('community:search')}?q={word}",
            f"{reverse('community:search')}?q={word}&gruppo={w['a'].slug}",
            # One letter wrong: "forse cercavi" must not complete it with the secret.
            f"/cerca/?q={SECRETS[name][:-1]}x",
        ]
    return addresses


@pytest.mark.parametrize("who", ["anonymous", "member_b"])
def test_no_public_address_shows_a_groups_content_to_others(client, world, who):
    if who == "member_b":
        client.force_login(world["member_b"].user)
    tried = 0
    for address in public_addresses(world):
        response = client.get(address)
        assert response.status_code < 500, address
        body = response.content.decode(errors="replace")
        for name, secret in SECRETS.items():
            tried += 1
            assert secret.lower() not in body.lower(), (address, name)
    assert tried == len(public_addresses(world)) * len(SECRETS)


def test_members_of_the_group_see_its_partner_meeting_among_the_groups_events(client, world):
    client.force_login(world["member_a"].user)
    assert SECRETS["event"] in client.get(world["event"].url).content.decode()
    html = client.get(reverse("community:group", args=["gruppo-a"])).content.decode()
    assert SECRETS["event"] in html
    client.force_login(world["redazione"])
    assert SECRETS["event"] in client.get(world["event"].url).content.decode()
    client.force_login(world["member_b"].user)
    assert client.get(world["event"].url).status_code in (302, 403)


def test_a_private_calendar_holds_the_members_own_groups_meetings_only(client, world):
    feed = client.get(reverse("community:calendar", args=[world["member_a"].calendar_token])).content.decode()
    assert SECRETS["meeting"] in feed
    other = client.get(reverse("community:calendar", args=[world["member_b"].calendar_token])).content.decode()
    assert "BEGIN:VCALENDAR" in other and SECRETS["meeting"] not in other


def test_the_group_space_names_nothing_secret_in_its_address_errors(client, world):
    client.force_login(world["member_b"].user)
    response = client.get(reverse("community:group", args=["gruppo-a"]))
    assert response.status_code == 404
    assert "Gruppo A" not in response.content.decode()
    assert not re.search(r"Zafferano", response.content.decode())


@pytest.mark.parametrize("who", ["member_a", "redazione"])
def test_those_who_may_find_each_item_of_the_group_in_the_site_search_marked_reserved(client, world, who):
    client.force_login(world[who] if who == "redazione" else world[who].user)
    slug = world["a"].slug
    where = {
        "meeting": reverse("community:meeting", args=[slug, world["meeting"].pk]),
        "thread": reverse("community:thread", args=[slug, world["thread"].pk]),
        "document": reverse("community:document", args=[slug, world["document"].pk]),
        "event": world["event"].url,
    }
    where.update(minutes=where["meeting"], post=where["thread"], document_text=where["document"])
    for name, url in where.items():
        html = client.get("/cerca/", {"q": SEARCHED[name]}).content.decode()
        assert f'href="{url}"' in html, name
        assert "Riservato" in html, name
