"""The redazione's admin for the community: invitations sent from the snippet forms, and who may open them."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ciao.roles import FORMATORI, OPERATORI, REDAZIONE
from tests.factories.community import make_member

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Tirocini-e-laboratori-2026"


def admin_url(model, view, *args):
    return reverse(f"wagtailsnippets_community_{model}:{view}", args=args)


def in_days(days):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def invitation_data(group, **overrides):
    data = {
        "email": "marta.verdi@example.org",
        "first_name": "Marta",
        "last_name": "Verdi",
        "organisation": "",
        "ambito": "",
        "groups": [group.pk],
        "message": "Benvenuta nella comunità!",
        "expires_at": in_days(14),
    }
    return {**data, **overrides}


def create_invitation(client, data, capture):
    with capture(execute=True):
        return client.post(admin_url("invitation", "add"), data)


def test_the_redazione_creates_an_invitation_and_one_email_with_a_link_goes_out(
    client, group, make_user, django_capture_on_commit_callbacks
):
    from community.models import Invitation

    redattrice = make_user(REDAZIONE)
    client.force_login(redattrice)

    response = create_invitation(client, invitation_data(group), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.invited_by == redattrice and invitation.sent_at is not None
    assert list(invitation.groups.all()) == [group]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["marta.verdi@example.org"]
    assert "Benvenuta nella comunità!" in mail.outbox[0].body
    assert re.search(r"/area-riservata/invito/[\w-]+/", mail.outbox[0].body)


def test_the_emailed_link_makes_a_logged_in_member_of_the_invitations_groups(
    client, group, make_user, django_capture_on_commit_callbacks
):
    client.force_login(make_user(REDAZIONE))
    create_invitation(client, invitation_data(group), django_capture_on_commit_callbacks)
    client.logout()
    path = re.search(r"/area-riservata/invito/[\w-]+/", mail.outbox[0].body).group()

    response = client.post(path, {"username": "marta", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302
    user = get_user_model().objects.get(username="marta")
    assert list(user.member.memberships.values_list("group", flat=True)) == [group.pk]
    assert client.get(reverse("community:my_area")).wsgi_request.user == user


def test_an_invitation_that_expires_in_the_past_is_refused_and_not_sent(
    client, group, make_user, django_capture_on_commit_callbacks
):
    from community.models import Invitation

    client.force_login(make_user(REDAZIONE))

    response = create_invitation(
        client, invitation_data(group, expires_at=in_days(-1)), django_capture_on_commit_callbacks
    )

    assert response.status_code == 200  # Wagtail's form again, with the error
    assert "La scadenza è già passata" in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_editing_with_send_again_sends_a_new_link_and_the_old_one_stops_working(
    client, group, make_user, django_capture_on_commit_callbacks
):
    from community.models import Invitation

    client.force_login(make_user(REDAZIONE))
    create_invitation(client, invitation_data(group), django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()
    first_path = re.search(r"/area-riservata/invito/[\w-]+/", mail.outbox[0].body).group()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_url("invitation", "edit", invitation.pk), invitation_data(group, send_again="on"))

    assert response.status_code == 302
    assert len(mail.outbox) == 2
    second_path = re.search(r"/area-riservata/invito/[\w-]+/", mail.outbox[1].body).group()
    assert second_path != first_path
    assert client.get(first_path).status_code == 404
    assert client.get(second_path).status_code == 200


def test_editing_without_send_again_sends_nothing(client, group, make_user, django_capture_on_commit_callbacks):
    from community.models import Invitation

    client.force_login(make_user(REDAZIONE))
    create_invitation(client, invitation_data(group), django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_url("invitation", "edit", invitation.pk), invitation_data(group, first_name="Martina"))

    assert len(mail.outbox) == 1
    invitation.refresh_from_db()
    assert invitation.first_name == "Martina"


@pytest.mark.parametrize("model", ["invitation", "member", "workinggroup"])
def test_the_redazione_opens_the_community_snippets(client, group, make_user, model):
    make_member(groups=[group])
    client.force_login(make_user(REDAZIONE))

    assert client.get(admin_url(model, "list")).status_code == 200
    assert client.get(admin_url(model, "add")).status_code == 200


@pytest.mark.parametrize("role", [OPERATORI, FORMATORI])
@pytest.mark.parametrize("model", ["invitation", "member", "workinggroup"])
def test_an_editor_not_in_the_redazione_cannot_open_the_community_snippets(client, group, make_user, role, model):
    client.force_login(make_user(role))

    for view in ("list", "add"):
        response = client.get(admin_url(model, view))
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] != admin_url(model, view)


def test_an_editor_not_in_the_redazione_cannot_create_an_invitation(
    client, group, make_user, django_capture_on_commit_callbacks
):
    from community.models import Invitation

    client.force_login(make_user(OPERATORI))

    response = create_invitation(client, invitation_data(group), django_capture_on_commit_callbacks)

    assert response.status_code in (302, 403)
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_the_member_list_says_who_asked_for_deletion(client, group, make_user):
    make_member("chiede", first_name="Chiara", last_name="Neri", deletion_requested_at=timezone.now())
    client.force_login(make_user(REDAZIONE))

    text = client.get(admin_url("member", "list")).content.decode()

    assert "Chiara Neri" in text
    assert "Cancellazione chiesta il" in text


def test_the_redazione_has_exactly_the_community_permissions_the_migration_grants(db):
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name=REDAZIONE)
        .permissions.filter(content_type__app_label="community")
        .values_list("codename", flat=True)
    )

    every_action = ("add", "change", "delete", "view")
    assert codenames == {
        f"{action}_{model}"
        for model, actions in (
            ("workinggroup", every_action),
            ("member", every_action),
            ("invitation", every_action),
            ("membership", every_action),
            ("adoption", every_action),
            ("adoptionindicator", every_action),
            # Members ask on the site; the redazione moderates, it adds none in the admin.
            ("question", ("change", "delete", "view")),
            ("answer", ("change", "delete", "view")),
        )
        for action in actions
    }
