"""Invitations: the e-mailed link makes the invited person a member of the invitation's groups, once."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories.community import make_member

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Tirocini-e-laboratori-2026"


def make_invitation(groups=(), email="giulia.bianchi@example.org", **fields):
    from community.models import Invitation

    invitation = Invitation(email=email, first_name="Giulia", last_name="Bianchi", **fields)
    token = invitation.new_token()
    invitation.save()
    invitation.groups.set(groups)
    return invitation, token


def link(token):
    return reverse("community:accept_invitation", args=[token])


def accept(client, token, username="giulia.bianchi", password=NEW_PASSWORD, password2=None):
    return client.post(link(token), {"username": username, "password1": password, "password2": password2 or password})


def test_sending_an_invitation_emails_a_link_that_opens_the_form(
    client, group, make_user, django_capture_on_commit_callbacks
):
    from community.invitations import send_invitation

    invitation, _token = make_invitation([group], message="Ti aspettiamo al prossimo incontro!")
    with django_capture_on_commit_callbacks(execute=True):
        token = send_invitation(invitation, make_user("Redazione"))

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["giulia.bianchi@example.org"]
    assert "Ti aspettiamo al prossimo incontro!" in email.body
    assert link(token) in email.body
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    assert client.get(link(token)).status_code == 200


def test_sending_again_makes_the_previous_link_stop_working(client, group, make_user):
    from community.invitations import send_invitation

    invitation, first_token = make_invitation([group])
    send_invitation(invitation, make_user("Redazione"))

    assert client.get(link(first_token)).status_code == 404


def test_the_form_names_the_person_and_the_groups_they_join(client, group):
    _invitation, token = make_invitation([group])

    response = client.get(link(token))

    text = response.content.decode()
    assert "Giulia Bianchi" in text
    assert "Comunità di pratica tirocini" in text
    assert 'value="giulia.bianchi"' in text  # the suggested username


def test_accepting_creates_a_member_in_the_groups_and_logs_them_in(client, group):
    from community.models import Member

    invitation, token = make_invitation([group])

    response = accept(client, token)

    assert response.status_code == 302
    assert response["Location"] == reverse("community:my_area")
    member = Member.objects.get(user__username="giulia.bianchi")
    assert member.user.email == "giulia.bianchi@example.org"
    assert member.user.get_full_name() == "Giulia Bianchi"
    assert member.user.check_password(NEW_PASSWORD)
    assert list(member.memberships.values_list("group__slug", flat=True)) == ["tirocini"]
    assert member.user.groups.filter(pk=group.auth_group_id).exists()
    assert int(client.session["_auth_user_id"]) == member.user.pk
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None and invitation.member == member


def test_accepting_gives_the_invitations_organisation_and_ambito(client, group):
    from ciao.models import Ambito, Organisation

    organisation, ambito = Organisation.objects.first(), Ambito.objects.first()
    _invitation, token = make_invitation([group], organisation=organisation, ambito=ambito)

    accept(client, token)

    member = get_user_model().objects.get(username="giulia.bianchi").member
    assert (member.organisation, member.ambito) == (organisation, ambito)


def test_mismatched_passwords_give_400_and_keep_the_username(client, group):
    _invitation, token = make_invitation([group])

    response = accept(client, token, username="giulia.b", password2="Altra-password-2026")

    assert response.status_code == 400
    assert 'value="giulia.b"' in response.content.decode()
    assert not get_user_model().objects.filter(username="giulia.b").exists()


def test_a_weak_password_is_refused_by_djangos_validators(client, group):
    _invitation, token = make_invitation([group])

    response = accept(client, token, password="12345678")

    assert response.status_code == 400
    assert not get_user_model().objects.filter(email="giulia.bianchi@example.org").exists()


def test_a_taken_username_is_refused_and_the_suggestion_avoids_it(client, group):
    get_user_model().objects.create_user("giulia.bianchi", email="un.altra.persona@example.org")
    _invitation, token = make_invitation([group])

    assert 'value="giulia.bianchi2"' in client.get(link(token)).content.decode()
    assert accept(client, token, username="Giulia.Bianchi").status_code == 400


def test_an_expired_link_is_410_with_an_italian_message_and_makes_no_account(client, group):
    _invitation, token = make_invitation([group], expires_at=timezone.now() - timedelta(minutes=1))

    response = accept(client, token)

    assert response.status_code == 410
    assert "Chiedi alla redazione di inviartene uno nuovo" in response.content.decode()
    assert not get_user_model().objects.filter(email="giulia.bianchi@example.org").exists()
    assert client.get(link(token)).status_code == 410


def test_a_used_link_is_410_with_a_link_to_the_login(client, group):
    _invitation, token = make_invitation([group])
    accept(client, token)
    client.logout()

    response = client.get(link(token))

    assert response.status_code == 410
    text = response.content.decode()
    assert "già stato accettato" in text
    assert 'href="/accedi/"' in text
    assert accept(client, token, username="altro").status_code == 410
    assert get_user_model().objects.filter(email="giulia.bianchi@example.org").count() == 1


def test_an_unknown_token_is_404(client, group):
    make_invitation([group])

    assert client.get(link("not-a-real-token")).status_code == 404


def test_an_existing_account_is_asked_to_log_in_rather_than_duplicated(client, group):
    existing = make_member("giulia")
    existing.user.email = "Giulia.Bianchi@example.org"
    existing.user.save()
    _invitation, token = make_invitation([group])

    response = accept(client, token, username="nuova")

    assert response.status_code == 403
    assert reverse("login") in response.content.decode()
    assert get_user_model().objects.filter(email__iexact="giulia.bianchi@example.org").count() == 1


def test_the_existing_account_logged_in_confirms_and_joins_the_groups(client, group, make_user):
    user = make_user("Operatori", username="giulia")
    user.email = "giulia.bianchi@example.org"
    user.save()
    invitation, token = make_invitation([group])
    client.force_login(user)
    assert "Conferma ed entra" in client.get(link(token)).content.decode()

    response = client.post(link(token))

    assert response.status_code == 302
    user.refresh_from_db()
    assert list(user.member.memberships.values_list("group__slug", flat=True)) == ["tirocini"]
    assert get_user_model().objects.filter(email="giulia.bianchi@example.org").count() == 1
    invitation.refresh_from_db()
    assert invitation.member == user.member


def test_the_emails_link_uses_the_sites_base_url(group, make_user, settings, django_capture_on_commit_callbacks):
    from community.invitations import send_invitation

    settings.WAGTAILADMIN_BASE_URL = "https://ciao.example.org"
    invitation, _token = make_invitation([group])
    with django_capture_on_commit_callbacks(execute=True):
        token = send_invitation(invitation, make_user("Redazione"))

    urls = re.findall(r"https://\S+", mail.outbox[0].body)
    assert urls == [f"https://ciao.example.org{link(token)}"]
