"""Turning two-factor on and off at /accedi/due-fattori/."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.ciao import PASSWORD
from tests.factories.twofactor import app_code, give_two_factor

pytestmark = pytest.mark.django_db

SETUP = "/accedi/due-fattori/"
TURN_OFF = "/accedi/due-fattori/disattiva/"


@pytest.fixture
def editor(make_user, client):
    user = make_user("Redazione")
    client.force_login(user)
    return user


def key_on_page(html):
    """The key as the page shows it to type by hand, as raw bytes."""
    shown = re.search(r'<code class="twofactor-key" id="twofactor-key">([A-Z2-7 ]+)</code>', html).group(1)
    return b32decode(shown.replace(" ", ""))


def code_from_page(html, steps_ahead=0):
    return f"{totp(key_on_page(html), drift=steps_ahead):06d}"


def test_setting_up_needs_a_login(client, home):
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"] == "/accedi/?next=/accedi/due-fattori/"


def test_the_setup_page_shows_the_qr_code_as_inline_svg_and_the_key_to_type(client, home, editor):
    response = client.get(SETUP)
    html = response.content.decode()
    assert response.status_code == 200
    svg = re.search(r'<svg[^>]*class="twofactor-qr"[^>]*>.*?</svg>', html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-label="Codice QR da inquadrare con l\'app di autenticazione"' in svg
    assert len(key_on_page(html)) == 20
    field = re.search(r"<input[^>]*id=\"id_code\"[^>]*>", html).group(0)
    assert 'autocomplete="one-time-code"' in field and 'inputmode="numeric"' in field
    assert '<label class="form-field__label fw-semibold" for="id_code">Codice dell&#x27;app</label>' in html


def test_the_setup_page_keeps_the_strict_policy_and_needs_no_inline_code(client, home, editor):
    response = client.get(SETUP)
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy + ";" and "unsafe-inline" not in policy
    assert " style=" not in html and "<style" not in html
    # Wagtail's user bar (for editors) carries JSON data in a script element; never code.
    assert not re.search(r'<script(?![^>]*\b(src=|type="application/json"))[^>]*>', html), "inline script"


def test_the_same_key_is_shown_until_it_is_confirmed(client, home, editor):
    first = key_on_page(client.get(SETUP).content.decode())
    assert key_on_page(client.get(SETUP).content.decode()) == first


def test_a_right_first_code_turns_it_on_and_shows_ten_backup_codes_once(client, home, editor):
    html = client.get(SETUP).content.decode()
    response = client.post(SETUP, {"code": code_from_page(html)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Verifica in due passaggi attiva" in page
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(codes) == 10
    assert set(codes) == set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert TOTPDevice.objects.get(user=editor).confirmed
    # Never shown again: the page now says how many are left.
    again = client.get(SETUP).content.decode()
    assert "Ti restano 10 codici di riserva." in again
    assert not any(code in again for code in codes)


def test_the_next_login_asks_for_the_code_of_the_new_app(client, home, editor):
    html = client.get(SETUP).content.decode()
    client.post(SETUP, {"code": code_from_page(html)})
    client.post("/esci/")
    response = client.post("/accedi/", {"username": editor.username, "password": PASSWORD})
    assert response["Location"] == "/accedi/codice/"
    assert client.post("/accedi/codice/", {"code": code_from_page(html, steps_ahead=1)})["Location"] == "/admin/"


def test_a_wrong_first_code_leaves_two_factor_off_with_an_italian_message(client, home, editor):
    html = client.get(SETUP).content.decode()
    wrong = f"{(int(code_from_page(html)) + 1) % 1_000_000:06d}"
    page = client.post(SETUP, {"code": wrong}).content.decode()
    assert "Il codice non è giusto o è scaduto. Controlla che l&#x27;ora del telefono sia giusta" in page
    assert key_on_page(page) == key_on_page(html)  # the same key, to try again
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_turning_it_off_asks_for_a_code(client, home, editor):
    device, _codes = give_two_factor(editor)
    html = client.get(TURN_OFF).content.decode()
    assert 'autocomplete="one-time-code"' in html
    page = client.post(TURN_OFF, {"code": "000000"}).content.decode()
    assert "Il codice non è giusto o è scaduto." in page
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_a_right_code_turns_it_off_and_the_password_alone_logs_in_again(client, home, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device, _codes = give_two_factor(editor)
    response = client.post(TURN_OFF, {"code": app_code(device)})
    assert response.status_code == 302 and response["Location"] == SETUP
    assert "Verifica in due passaggi disattivata" in client.get(SETUP).content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert not StaticToken.objects.filter(device__user=editor).exists()
    client.post("/esci/")
    response = client.post("/accedi/", {"username": editor.username, "password": PASSWORD})
    assert response["Location"] == "/admin/"


def test_a_backup_code_turns_it_off_too(client, home, editor):
    _device, codes = give_two_factor(editor)
    assert client.post(TURN_OFF, {"backup_code": codes[3]})["Location"] == SETUP
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_new_backup_codes_need_a_code_and_replace_the_old_ones(client, home, editor):
    device, old_codes = give_two_factor(editor)
    assert 'href="/accedi/due-fattori/codici-di-riserva/"' in client.get(SETUP).content.decode()
    page = client.post("/accedi/due-fattori/codici-di-riserva/", {"code": "000000"}).content.decode()
    assert "Il codice non è giusto o è scaduto." in page
    page = client.post("/accedi/due-fattori/codici-di-riserva/", {"backup_code": old_codes[0]}).content.decode()
    assert "<h1>Nuovi codici di riserva</h1>" in page
    new_codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)
    tokens = set(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert tokens == set(new_codes)


def test_the_admins_account_page_leads_to_the_two_factor_settings(client, home, editor):
    html = client.get("/admin/account/").content.decode()
    assert f'href="{SETUP}"' in html and "Verifica in due passaggi" in html
