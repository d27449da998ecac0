"""`manage.py send_digests`: who gets which e-mail, once, and never what they may not read.

"Now" is Thursday 26 November 2026 (the ``now`` fixture); pages published in a
test are published then, so they are this week's news.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.community import make_member
from tests.factories.events import at
from tests.factories.practices import make_practice, practice_index

pytestmark = pytest.mark.django_db


class FlakyBackend(EmailBackend):
    """The test mail server: refuses messages to the addresses in ``refused``."""

    refused = set()

    def send_messages(self, messages):
        for message in messages:
            if set(message.to) & self.refused:
                raise ConnectionRefusedError("mail server unavailable")
        return super().send_messages(messages)


def run(*args):
    out = StringIO()
    call_command("send_digests", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def to(address):
    return [m for m in mail.outbox if m.to == [address]]


def follower(email="lucia@example.org", themes=("occupazione",), confirmed=True, frequency="settimanale", **follows):
    from django.utils import timezone

    from ciao.models import Theme
    from community.models import Subscription

    subscription = Subscription.objects.create(
        email=email, frequency=frequency, confirmed_at=timezone.now() - timedelta(days=30) if confirmed else None
    )
    subscription.themes.set(Theme.objects.filter(slug__in=themes))
    for name, values in follows.items():
        getattr(subscription, name).set(values)
    return subscription


@pytest.fixture
def practices(home, now):
    return practice_index(home)


@pytest.fixture
def events(home):
    from ciao.demo import ensure_child
    from events.models import EventIndexPage

    return ensure_child(home, EventIndexPage, title="Eventi", slug="eventi")[0]


@pytest.fixture
def materials(home):
    from ciao.demo import ensure_child
    from resources.models import ResourceIndexPage

    return ensure_child(home, ResourceIndexPage, title="Materiali formativi", slug="materiali")[0]


def make_event(index, title, start, themes=("occupazione",), publish=True):
    from ciao.models import Comune, Theme
    from events.models import EventPage

    page = EventPage(
        title=title,
        summary=f"{title}: in breve.",
        start=start,
        end=start + timedelta(hours=2),
        comune=Comune.objects.get(slug="rozzano"),
        venue="Biblioteca civica",
        themes=list(Theme.objects.filter(slug__in=themes)),
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def practice(index, title, themes=("occupazione",), **fields):
    return make_practice(index, title=title, themes=themes, **fields)


def make_material(index, title, themes=("occupazione",)):
    from ciao.models import Theme
    from tests.factories.resources import make_material as build

    return build(index, title=title, themes=list(Theme.objects.filter(slug__in=themes)))


# What a digest holds


def test_a_digest_brings_new_practices_materials_and_events_on_what_is_followed(practices, events, materials):
    practice(practices, title="Tirocini in Comune", themes=("occupazione",))
    practice(practices, title="Sportello di ascolto", themes=("inclusione",))
    make_material(materials, "Guida al colloquio di lavoro")
    make_event(events, "Fiera del lavoro a Rozzano", at(2026, 12, 3))
    subscription = follower()

    assert "1 sent" in run()

    [message] = mail.outbox
    assert message.to == ["lucia@example.org"]
    assert message.subject == "CIAO!: le novità della settimana"
    for title in ("Tirocini in Comune", "Guida al colloquio di lavoro", "Fiera del lavoro a Rozzano"):
        assert title in message.body
    assert "Sportello di ascolto" not in message.body
    html = message.alternatives[0][0]
    assert "Tirocini in Comune" in html and "Sportello di ascolto" not in html
    assert f"/segui/{subscription.token}/" in message.body


def test_a_digest_carries_one_click_unsubscribe_headers(practices):
    practice(practices, title="Tirocini in Comune")
    subscription = follower()
    run()
    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000/segui/{subscription.token}/disiscriviti/>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_following_an_ambito_a_target_group_or_a_tag_works_as_a_theme_does(practices):
    from taggit.models import Tag

    from ciao.models import Ambito, TargetGroup

    practice(practices, title="Nel Corsichese", ambito="corsichese", themes=(), targets=())
    practice(practices, title="Per i giovani", themes=(), targets=("giovani",))
    practice(practices, title="Con etichetta", themes=(), targets=(), tags=("orientamento",))
    practice(practices, title="Altro ancora", themes=(), targets=())
    follower("a@example.org", themes=(), ambiti=[Ambito.objects.get(slug="corsichese")])
    follower("b@example.org", themes=(), target_groups=[TargetGroup.objects.get(slug="giovani")])
    follower("c@example.org", themes=(), tags=[Tag.objects.get(name="orientamento")])
    run()
    assert "Nel Corsichese" in to("a@example.org")[0].body and "Per i giovani" not in to("a@example.org")[0].body
    assert "Per i giovani" in to("b@example.org")[0].body and "Nel Corsichese" not in to("b@example.org")[0].body
    assert "Con etichetta" in to("c@example.org")[0].body and "Altro ancora" not in to("c@example.org")[0].body


def test_following_a_page_brings_what_is_published_under_it(practices, events):
    practice(practices, title="Tirocini in Comune", themes=("inclusione",))
    make_event(events, "Fiera del lavoro", at(2026, 12, 3), themes=("inclusione",))
    follower(themes=(), pages=[practices])
    run()
    assert "Tirocini in Comune" in mail.outbox[0].body
    assert "Fiera del lavoro" not in mail.outbox[0].body


def test_nothing_new_means_no_email(practices):
    practice(practices, title="Sportello di ascolto", themes=("inclusione",))
    follower()
    assert "1 with nothing new" in run()
    assert mail.outbox == []


def test_next_weeks_digest_does_not_repeat_this_weeks_news(practices, monkeypatch, now):
    practice(practices, title="Tirocini in Comune")
    follower()
    run()
    monkeypatch.setattr("django.utils.timezone.now", lambda: now + timedelta(days=7))
    practice(practices, title="Laboratorio di cucito")
    run()
    first, second = mail.outbox
    assert "Tirocini in Comune" in first.body
    assert "Laboratorio di cucito" in second.body and "Tirocini in Comune" not in second.body


def test_events_happening_this_week_are_recalled_even_if_not_new(events, monkeypatch, now):
    monkeypatch.setattr("django.utils.timezone.now", lambda: now - timedelta(days=20))
    make_event(events, "Fiera del lavoro", at(2026, 11, 28))
    make_event(events, "Festa di primavera", at(2027, 4, 10))
    monkeypatch.setattr("django.utils.timezone.now", lambda: now)
    follower()
    run()
    assert "Fiera del lavoro" in mail.outbox[0].body
    assert "Festa di primavera" not in mail.outbox[0].body


# Once, and only to whom it may go


def test_running_twice_sends_each_email_once(practices):
    practice(practices, title="Tirocini in Comune")
    follower("a@example.org")
    follower("b@example.org")
    assert "2 sent" in run()
    assert "0 sent" in run() and "2 already sent" in run()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]


def test_an_unsubscribed_address_gets_nothing(practices, client):
    from community import subscriptions

    practice(practices, title="Tirocini in Comune")
    subscriptions.unsubscribe(follower())
    run()
    run("--immediate")
    assert mail.outbox == []


def test_an_address_never_confirmed_gets_nothing_but_the_confirmation(
    practices, client, django_capture_on_commit_callbacks
):
    from ciao.models import Theme

    practice(practices, title="Tirocini in Comune")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/segui/",
            {
                "email": "lucia@example.org",
                "themes": [Theme.objects.get(slug="occupazione").pk],
                "frequency": "settimanale",
            },
        )
    client.post(
        "/segui/",
        {"email": "mario@example.org", "themes": [Theme.objects.get(slug="occupazione").pk], "frequency": "immediata"},
    )
    run()
    run("--immediate")
    assert [m.subject for m in mail.outbox] == ["CIAO!: conferma l'iscrizione agli aggiornamenti"]


def test_a_failed_send_is_retried_next_run_without_duplicates(practices, settings):
    from community.models import Delivery

    settings.EMAIL_BACKEND = "tests.community.test_digests.FlakyBackend"
    practice(practices, title="Tirocini in Comune")
    follower("a@example.org")
    follower("b@example.org")
    FlakyBackend.refused = {"a@example.org"}
    try:
        assert "1 sent, 1 failed" in run()
        assert [m.to for m in mail.outbox] == [["b@example.org"]]
        FlakyBackend.refused = set()
        assert "1 sent, 0 failed" in run()
        assert "0 sent, 0 failed" in run()
    finally:
        FlakyBackend.refused = set()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    retried = Delivery.objects.get(subscription__email="a@example.org")
    assert (retried.status, retried.attempts) == (Delivery.Status.SENT, 2)


def test_an_email_being_sent_by_another_run_is_not_sent_again(practices):
    from django.utils import timezone

    from community.digests import week_key
    from community.models import Delivery

    practice(practices, title="Tirocini in Comune")
    subscription = follower()
    Delivery.objects.create(subscription=subscription, key=week_key(timezone.now()), covers_until=timezone.now())
    run()
    assert mail.outbox == []


def test_drafts_and_private_pages_never_reach_a_digest(practices, events):
    from wagtail.models import PageViewRestriction

    practice(practices, title="Tirocini in Comune")
    practice(practices, title="Bozza di pratica", publish=False)
    practice(practices, title="Pratica riservata", private=True)
    event = make_event(events, "Riunione dei partner", at(2026, 11, 30))
    PageViewRestriction.objects.create(page=event, restriction_type=PageViewRestriction.LOGIN)
    follower(pages=[practices, events])
    run()
    body = mail.outbox[0].body + mail.outbox[0].alternatives[0][0]
    assert "Tirocini in Comune" in body
    for hidden in ("Bozza di pratica", "Pratica riservata", "Riunione dei partner"):
        assert hidden not in body


@pytest.fixture
def group_news(group, other_group, now):
    from django.core.files.base import ContentFile

    from community import discussions
    from community.models import Meeting, SharedDocument

    author = make_member("autrice", groups=[group, other_group])
    Meeting.objects.create(group=group, title="Incontro sui tirocini", starts_at=now + timedelta(days=3))
    Meeting.objects.create(group=other_group, title="Incontro della scuola", starts_at=now + timedelta(days=3))
    for target, title in ((group, "Elenco aziende ospitanti"), (other_group, "Verbale riservato della scuola")):
        document = SharedDocument(group=target, title=title, uploaded_by=author)
        document.file.save("doc.txt", ContentFile(b"testo"), save=True)
    discussions.start_thread(group, author, "Tirocini estivi", "Chi ha esperienza?")
    discussions.start_thread(other_group, author, "Discussione della scuola", "Riservata.")


def test_a_member_following_their_group_gets_its_news_and_no_other_groups(member, group, other_group, group_news):
    from community import subscriptions

    subscriptions.subscribe_member(member, "settimanale", {"groups": [group, other_group]})
    run()
    [message] = mail.outbox
    assert message.to == [member.user.email]
    for title in ("Incontro sui tirocini", "Elenco aziende ospitanti", "Tirocini estivi"):
        assert title in message.body
    for title in ("Incontro della scuola", "Verbale riservato della scuola", "Discussione della scuola"):
        assert title not in message.body


def test_one_who_left_the_group_hears_nothing_more_of_it(member, group, group_news):
    from community import subscriptions

    subscriptions.subscribe_member(member, "settimanale", {"groups": [group]})
    member.memberships.all().delete()
    run()
    assert mail.outbox == []


def test_a_citizen_following_a_group_hears_nothing_of_it(group, group_news):
    follower(themes=(), groups=[group])
    run()
    assert mail.outbox == []


# Immediate notices


def test_immediate_subscribers_get_one_notice_per_new_item_once(practices):
    practice(practices, title="Tirocini in Comune")
    practice(practices, title="Laboratorio di cucito")
    practice(practices, title="Sportello di ascolto", themes=("inclusione",))
    follower(frequency="immediata")
    assert "0 sent" in run()  # the weekly digest is not theirs
    assert "2 sent" in run("--immediate")
    assert "0 sent" in run("--immediate")
    assert sorted(m.subject for m in mail.outbox) == ["CIAO!: Laboratorio di cucito", "CIAO!: Tirocini in Comune"]
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_what_was_published_before_subscribing_is_not_announced_as_new(practices, monkeypatch, now):
    from django.utils import timezone

    practice(practices, title="Tirocini in Comune")
    subscription = follower(frequency="immediata")
    subscription.confirmed_at = timezone.now() + timedelta(minutes=5)
    subscription.save()
    monkeypatch.setattr("django.utils.timezone.now", lambda: now + timedelta(minutes=10))
    run("--immediate")
    assert mail.outbox == []


# Cost


def count_queries(n, practices):
    from community.models import Delivery, Subscription

    Delivery.objects.all().delete()
    Subscription.objects.all().delete()
    for i in range(n):
        follower(f"persona{i}@example.org")
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as queries:
        run()
    assert len(mail.outbox) == n
    return len(queries)


def test_the_digest_costs_a_fixed_number_of_queries_per_subscriber(practices, events, materials):
    for n in range(3):
        practice(practices, title=f"Pratica {n}", tags=(f"etichetta{n}",))
        make_material(materials, f"Materiale {n}")
        make_event(events, f"Evento {n}", at(2026, 12, 1 + n))
    count_queries(1, practices)  # warm-up: caches of sites and content types
    one, four, seven = (count_queries(n, practices) for n in (1, 4, 7))
    per_subscriber = (four - one) // 3
    assert seven - four == four - one == 3 * per_subscriber
    assert per_subscriber <= 5


def test_published_adoptions_and_public_answers_reach_who_follows_the_practice_and_nothing_unreviewed(practices):
    from django.utils import timezone

    from tests.factories.exchange import make_adoption, make_question

    shared = practice(practices, title="Tirocini in Comune", themes=("occupazione",))
    member = make_member("adotta")
    make_adoption(shared, member, ambito="corsichese", reviewed_at=timezone.now())
    make_adoption(shared, member, ambito="visconteo-sud-milano", status="revisione", reviewed_at=timezone.now())
    make_question(shared, member, "Quante imprese?", answer="Dodici, tutte di Rozzano.", is_public=True)
    make_question(shared, member, "Domanda riservata", answer="Risposta riservata", is_public=False)
    follower()

    run()

    [message] = mail.outbox
    assert "Tirocini in Comune, adottata a Corsichese" in message.body
    assert "Visconteo" not in message.body
    assert "Quante imprese?" in message.body and f"{shared.url}#domande" in message.body
    assert "Domanda riservata" not in message.body
