"""CIAO_2FA_REQUIRED_FOR_REDAZIONE, the reset command for a locked-out editor, and what
two-factor costs the pages of people who do not use it."""

import io

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.ciao import PASSWORD
from tests.factories.twofactor import app_code, give_two_factor

pytestmark = pytest.mark.django_db

SETUP = "/accedi/due-fattori/"


@pytest.fixture
def required(settings):
    settings.CIAO_2FA_REQUIRED_FOR_REDAZIONE = True


def log_in(client, username):
    return client.post("/accedi/", {"username": username, "password": PASSWORD})


@pytest.mark.parametrize("role", ["Redazione", "Operatori", "Formatori", None])
def test_when_required_editors_are_sent_to_the_setup_before_any_admin_page(client, home, make_user, required, role):
    user = make_user(role)
    assert log_in(client, user.username)["Location"] == "/admin/"
    for path in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{SETUP}?next=")
    html = client.get(client.get("/admin/")["Location"]).content.decode()
    assert "Per il tuo ruolo nella redazione la verifica in due passaggi è obbligatoria" in html


def test_when_required_the_setup_opens_the_admin_once_done(client, home, make_user, required):
    from base64 import b32decode

    from django_otp.oath import totp

    editor = make_user("Redazione")
    log_in(client, editor.username)
    html = client.get(f"{SETUP}?next=/admin/pages/").content.decode()
    assert '<input type="hidden" name="next" value="/admin/pages/">' in html
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    page = client.post(SETUP, {"code": f"{totp(device.bin_key):06d}", "next": "/admin/pages/"}).content.decode()
    assert 'href="/admin/pages/"' in page
    assert client.get("/admin/pages/").status_code == 200
    assert b32decode  # the key on the page is the device's (tests/twofactor/test_setup.py)


def test_turning_the_setting_on_reaches_editors_already_logged_in(client, home, make_user, settings):
    editor = make_user("Redazione")
    log_in(client, editor.username)
    assert client.get("/admin/").status_code == 200
    settings.CIAO_2FA_REQUIRED_FOR_REDAZIONE = True
    assert client.get("/admin/pages/")["Location"].startswith(f"{SETUP}?next=")


def test_when_required_members_outside_the_editorial_groups_are_left_alone(client, home, required):
    from django.contrib.auth import get_user_model

    member = get_user_model().objects.create_user(username="socia", password=PASSWORD)
    assert log_in(client, member.username)["Location"] == "/area-riservata/"
    for path in ("/area-riservata/", "/admin/"):
        assert not client.get(path).get("Location", "").startswith(SETUP), path


def test_when_required_it_cannot_be_turned_off(client, home, make_user, required):
    editor = make_user("Redazione")
    device, _codes = give_two_factor(editor)
    log_in(client, editor.username)
    client.post("/accedi/codice/", {"code": app_code(device)})
    response = client.post("/accedi/due-fattori/disattiva/", {"code": app_code(device, steps_ahead=1)})
    assert response["Location"] == SETUP
    assert "obbligatoria: non si può disattivare" in client.get(SETUP).content.decode()
    assert TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_optional_by_default_editors_reach_the_admin_without_it(client, home, make_user):
    editor = make_user("Redazione")
    log_in(client, editor.username)
    assert client.get("/admin/").status_code == 200


def test_the_reset_command_lets_a_locked_out_editor_in_with_the_password(client, home, make_user):
    editor = make_user("Redazione")
    give_two_factor(editor)
    for _ in range(5):
        client.post("/accedi/", {"username": editor.username, "password": "sbagliata"})
    out = io.StringIO()
    call_command("twofactor_reset", editor.username, stdout=out)
    assert "Two-factor removed for" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    assert log_in(client, editor.username)["Location"] == "/admin/"


def test_the_reset_command_names_an_unknown_user_clearly(db):
    with pytest.raises(CommandError, match="No user is called 'nessuno'"):
        call_command("twofactor_reset", "nessuno", stdout=io.StringIO())


def queries_for(client, path):
    client.get(path)  # caches filled once per process are not the page's cost
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["/admin/", "/area-riservata/", "/"])
def test_people_without_two_factor_pay_no_query_for_it(client, home, make_user, settings, path):
    editor = make_user("Redazione")
    client.force_login(editor)
    with_gate = queries_for(client, path)
    settings.MIDDLEWARE = [m for m in django_settings.MIDDLEWARE if not m.startswith("twofactor.")]
    assert queries_for(client, path) == with_gate


def test_a_session_from_before_two_factor_is_decided_once(client, home, make_user):
    from twofactor.session import STATE_KEY

    editor = make_user("Redazione")
    client.force_login(editor)
    session = client.session
    del session[STATE_KEY]
    session.save()
    assert client.get("/admin/").status_code == 200
    assert client.session[STATE_KEY] == "off"


# The admin's way (Impostazioni → Utenti → «⋯» → Togli la verifica in due passaggi)


def reset_url(user):
    return f"/admin/due-fattori/{user.pk}/togli/"


def test_an_admin_finds_the_reset_among_a_users_actions(client, home, make_user):
    editor = make_user("Redazione")
    client.force_login(make_user())
    html = client.get("/admin/users/").content.decode()
    assert f'href="{reset_url(editor)}"' in html and "Togli la verifica in due passaggi" in html


def test_an_admin_removes_a_locked_out_editors_two_factor_after_confirming(client, home, make_user):
    editor = make_user("Redazione")
    give_two_factor(editor)
    for _ in range(5):
        client.post("/accedi/", {"username": editor.username, "password": "sbagliata"})
    client.force_login(make_user())
    page = client.get(reset_url(editor)).content.decode()
    assert "ha attivato la verifica in due passaggi" in page
    assert TOTPDevice.objects.filter(user=editor).exists()  # a GET changes nothing
    response = client.post(reset_url(editor))
    assert response.status_code == 302 and response["Location"] == "/admin/users/"
    assert not TOTPDevice.objects.filter(user=editor).exists()
    client.post("/esci/")
    assert log_in(client, editor.username)["Location"] == "/admin/"


def test_only_who_may_change_users_resets_and_never_their_own(client, home, make_user):
    editor = make_user("Redazione")
    give_two_factor(editor)
    # Wagtail answers a refusal in the admin by sending back to the dashboard with a message.
    client.force_login(make_user("Operatori"))
    assert client.post(reset_url(editor))["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=editor).exists()
    admin = make_user()
    give_two_factor(admin)
    client.force_login(admin)
    from twofactor.session import STATE_KEY, VERIFIED

    session = client.session
    session[STATE_KEY] = VERIFIED  # as after the code step
    session.save()
    assert client.post(reset_url(admin))["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=admin).exists()
