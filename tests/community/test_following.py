"""/segui/ and /segui/<token>/: following as a citizen (double opt-in) or as a member, managing and leaving."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories.community import make_member

pytestmark = pytest.mark.django_db

FOLLOW = "/segui/"


def theme(slug="occupazione"):
    from ciao.models import Theme

    return Theme.objects.get(slug=slug)


def manage_link(message):
    return re.search(r"https?://\S+/segui/([\w-]+)/", message.body).group(0)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def subscribe(client, capture, email="lucia@example.org", **data):
    data = {"email": email, "themes": [theme().pk], "frequency": "settimanale", **data}
    with capture(execute=True):
        return client.post(FOLLOW, data)


# Citizens


def test_the_follow_form_is_open_to_anyone_without_an_account(client, home):
    response = client.get(FOLLOW)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Segui gli aggiornamenti" in text
    assert "Il tuo indirizzo e-mail" in text
    assert "Occupazione" in text and "Sud Est Milano" in text and "Giovani" in text


def test_a_citizen_gets_only_a_confirmation_until_confirming(client, home, django_capture_on_commit_callbacks):
    from community.models import Subscription

    response = subscribe(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Controlla la tua e-mail" in response.content.decode()
    subscription = Subscription.objects.get(email="lucia@example.org")
    assert subscription.confirmed_at is None and not subscription.is_active
    assert [m.subject for m in mail.outbox] == ["CIAO!: conferma l'iscrizione agli aggiornamenti"]
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    assert mail.outbox[0].alternatives  # an HTML part too


def test_opening_the_confirmation_link_alone_confirms_nothing(client, home, django_capture_on_commit_callbacks):
    from community.models import Subscription

    subscribe(client, django_capture_on_commit_callbacks)
    response = client.get(path_of(manage_link(mail.outbox[0])))
    assert response.status_code == 200
    assert "Conferma l'iscrizione" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_pressing_confirm_starts_the_subscription(client, home, django_capture_on_commit_callbacks):
    from community.models import Subscription

    subscribe(client, django_capture_on_commit_callbacks)
    url = path_of(manage_link(mail.outbox[0]))
    response = client.post(url, {"azione": "conferma"}, follow=True)
    assert "Iscrizione confermata" in response.content.decode()
    assert Subscription.objects.get().is_active
    assert len(mail.outbox) == 1  # nothing else was sent


def test_sending_the_form_again_does_not_flood_the_address(client, home, django_capture_on_commit_callbacks):
    from community.models import Subscription

    subscribe(client, django_capture_on_commit_callbacks)
    subscribe(client, django_capture_on_commit_callbacks, themes=[theme("inclusione").pk])
    assert len(mail.outbox) == 1
    subscription = Subscription.objects.get()
    assert [t.slug for t in subscription.themes.all()] == ["inclusione"]


def test_confirming_a_new_subscription_replaces_the_old_one_of_the_address(
    client, home, django_capture_on_commit_callbacks
):
    from community import subscriptions
    from community.models import Subscription

    old = Subscription.objects.create(email="lucia@example.org", confirmed_at="2026-01-01T10:00Z")
    new = Subscription.objects.create(email="Lucia@example.org")
    subscriptions.confirm(new)
    old.refresh_from_db()
    assert old.unsubscribed_at is not None
    assert list(Subscription.active()) == [new]


def test_a_link_to_follow_one_practice_preselects_it(client, home):
    from tests.factories.practices import make_practice, practice_index

    practice = make_practice(practice_index(home), title="Sportello lavoro donne")
    response = client.get(f"{FOLLOW}?pagina={practice.pk}")
    text = response.content.decode()
    assert "Sportello lavoro donne" in text
    assert re.search(rf'value="{practice.pk}"[^>]*checked', text)


def test_a_private_or_draft_page_cannot_be_followed(client, home):
    from tests.factories.practices import make_practice, practice_index

    index = practice_index(home)
    draft = make_practice(index, title="Bozza segreta", publish=False)
    response = client.get(f"{FOLLOW}?pagina={draft.pk}")
    assert "Bozza segreta" not in response.content.decode()
    response = client.post(FOLLOW, {"email": "a@example.org", "pages": [draft.pk], "frequency": "settimanale"})
    assert response.status_code == 400
    assert "Bozza segreta" not in response.content.decode()


def test_a_theme_link_preselects_the_theme(client, home):
    response = client.get(f"{FOLLOW}?tema=inclusione")
    assert re.search(rf'value="{theme("inclusione").pk}"[^>]*checked', response.content.decode())


# Bad input


def test_a_malformed_address_is_refused_in_italian_and_the_choices_are_kept(client, home):
    response = client.post(FOLLOW, {"email": "lucia@", "themes": [theme().pk], "frequency": "settimanale"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "indirizzo email valido" in text
    assert 'value="lucia@"' in text
    assert re.search(rf'value="{theme().pk}"[^>]*checked', text)
    assert not mail.outbox


def test_choosing_nothing_is_refused_in_italian(client, home):
    from community.models import Subscription

    response = client.post(FOLLOW, {"email": "lucia@example.org", "frequency": "settimanale"})
    assert response.status_code == 400
    assert "Scegli almeno una cosa da seguire" in response.content.decode()
    assert 'value="lucia@example.org"' in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("token", ["nessuno", "x" * 200, "%00", "a.b"])
def test_a_bogus_token_gets_an_italian_page_not_an_error(client, home, token):
    response = client.get(f"/segui/{token}/")
    assert response.status_code == 404
    assert "Link non valido" in response.content.decode()
    response = client.post(f"/segui/{token}/disiscriviti/")
    assert response.status_code == 404


def test_an_expired_confirmation_link_says_so(client, home):
    from datetime import timedelta

    from django.utils import timezone

    from community.models import Subscription

    subscription = Subscription.objects.create(email="tardi@example.org")
    Subscription.objects.filter(pk=subscription.pk).update(created_at=timezone.now() - timedelta(days=8))
    response = client.post(f"/segui/{subscription.token}/", {"azione": "conferma"})
    assert response.status_code == 410
    assert "Link scaduto" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


# Managing and leaving


@pytest.fixture
def citizen(home):
    from django.utils import timezone

    from community.models import Subscription

    subscription = Subscription.objects.create(email="lucia@example.org", confirmed_at=timezone.now())
    subscription.themes.set([theme()])
    return subscription


def test_the_manage_page_changes_choices_and_frequency(client, citizen):
    url = reverse("following:manage", args=[citizen.token])
    response = client.get(url)
    assert re.search(rf'value="{theme().pk}"[^>]*checked', response.content.decode())
    response = client.post(
        url, {"azione": "salva", "themes": [theme("inclusione").pk], "frequency": "immediata"}, follow=True
    )
    assert "Modifiche salvate" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.frequency == "immediata"
    assert [t.slug for t in citizen.themes.all()] == ["inclusione"]


def test_saving_no_choice_on_the_manage_page_is_refused(client, citizen):
    url = reverse("following:manage", args=[citizen.token])
    response = client.post(url, {"azione": "salva", "frequency": "settimanale"})
    assert response.status_code == 400
    assert "Scegli almeno una cosa da seguire" in response.content.decode()
    assert [t.slug for t in citizen.themes.all()] == ["occupazione"]


def test_an_unknown_frequency_is_refused_in_italian(client, citizen):
    url = reverse("following:manage", args=[citizen.token])
    response = client.post(url, {"azione": "salva", "themes": [theme().pk], "frequency": "ogni ora"})
    assert response.status_code == 400
    assert "Scegli un&#x27;opzione valida" in response.content.decode()


def test_one_click_unsubscribe_works_without_a_csrf_token(citizen):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        reverse("following:unsubscribe", args=[citizen.token]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Iscrizione annullata" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.unsubscribed_at is not None


def test_the_unsubscribe_link_opened_in_a_browser_asks_before_acting(client, citizen):
    response = client.get(reverse("following:unsubscribe", args=[citizen.token]))
    assert response.status_code == 200
    citizen.refresh_from_db()
    assert citizen.unsubscribed_at is None


def test_one_who_left_can_come_back_from_the_same_link(client, citizen):
    from community import subscriptions

    subscriptions.unsubscribe(citizen)
    url = reverse("following:manage", args=[citizen.token])
    assert "Non ricevi più gli aggiornamenti" in client.get(url).content.decode()
    client.post(url, {"azione": "riattiva"})
    citizen.refresh_from_db()
    assert citizen.is_active


# Members


def test_a_member_follows_themes_and_their_group_without_confirming(client, group, member, other_group):
    from community.models import Subscription

    client.force_login(member.user)
    response = client.get(FOLLOW)
    text = response.content.decode()
    assert "Il tuo indirizzo e-mail" not in text
    assert group.name in text and other_group.name not in text
    response = client.post(FOLLOW, {"themes": [theme().pk], "groups": [group.pk], "frequency": "settimanale"})
    assert response.status_code == 302
    subscription = Subscription.objects.get(member=member)
    assert subscription.is_active and subscription.email == member.user.email
    assert list(subscription.groups.all()) == [group]
    assert not mail.outbox


def test_a_member_cannot_follow_another_groups_private_news(client, group, member, other_group):
    from community.models import Subscription

    client.force_login(member.user)
    response = client.post(FOLLOW, {"groups": [other_group.pk], "frequency": "settimanale"})
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_a_member_sees_and_edits_their_choices_again(client, group, member):
    client.force_login(member.user)
    client.post(FOLLOW, {"themes": [theme().pk], "frequency": "immediata"})
    response = client.get(FOLLOW)
    text = response.content.decode()
    assert re.search(rf'value="{theme().pk}"[^>]*checked', text)
    assert re.search(r'value="immediata"[^>]*checked', text)
    client.post(FOLLOW, {"themes": [theme("inclusione").pk], "frequency": "settimanale"})
    assert member.subscriptions.count() == 1


def test_the_profile_links_to_following(client, member):
    client.force_login(member.user)
    response = client.get(reverse("community:my_profile"))
    assert f'href="{FOLLOW}"' in response.content.decode()


def test_citizens_get_no_group_choice(client, home, group):
    response = client.post(FOLLOW, {"email": "x@example.org", "groups": [group.pk], "frequency": "settimanale"})
    assert response.status_code == 400
    assert group.name not in response.content.decode()


def test_a_non_member_cannot_be_made_to_follow_by_someone_elses_member_form(client, home):
    make_member("altra")
    response = client.post(FOLLOW, {"themes": [theme().pk], "frequency": "settimanale"})
    assert response.status_code == 400  # the address is required of whoever is not logged in


# Links to follow from the site's pages


def test_a_practice_page_links_to_following_it(client, home):
    from tests.factories.practices import make_practice, practice_index

    practice = make_practice(practice_index(home), title="Sportello lavoro donne")
    response = client.get(practice.url)
    assert f'href="/segui/?pagina={practice.pk}"' in response.content.decode()


def test_a_tag_page_links_to_following_the_tag(client, home):
    from tests.factories.practices import make_practice, practice_index

    make_practice(practice_index(home), title="Sportello lavoro donne", tags=("orientamento",))
    response = client.get("/tag/orientamento/")
    assert 'href="/segui/?tag=orientamento"' in response.content.decode()
    response = client.get("/segui/?tag=orientamento")
    assert re.search(r'value="\d+"[^>]*checked[^>]*>\s*<label[^>]*>orientamento', response.content.decode())
