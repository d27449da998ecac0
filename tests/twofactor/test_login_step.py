"""The code step after the password, on /accedi/ and /admin/login/."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.factories.ciao import PASSWORD
from tests.factories.twofactor import app_code, give_two_factor

pytestmark = pytest.mark.django_db

CODE_STEP = "/accedi/codice/"
WRONG_CODE = "Il codice non è giusto o è scaduto."
LOCKED = "Troppi tentativi di accesso"


@pytest.fixture
def editor(make_user):
    return make_user("Redazione")


@pytest.fixture
def app(editor):
    device, _codes = give_two_factor(editor)
    return device


@pytest.fixture
def backup_codes(app):
    from twofactor import devices

    return devices.new_backup_codes(app.user)


def log_in(client, username, password=PASSWORD, path="/accedi/", **data):
    return client.post(path, {"username": username, "password": password, **data})


def logged_in_username(client):
    return client.get("/esci/").context["user"].get_username() or None


def test_a_right_password_asks_for_the_code_and_logs_nobody_in_yet(client, home, editor, app):
    response = log_in(client, editor.username)
    assert response.status_code == 302 and response["Location"] == CODE_STEP
    assert logged_in_username(client) is None
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert client.get("/area-riservata/").status_code == 302


def test_the_right_code_completes_the_login_and_lands_in_the_admin(client, home, editor, app):
    log_in(client, editor.username)
    response = client.post(CODE_STEP, {"code": app_code(app)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert logged_in_username(client) == editor.username
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_asks_for_the_code_too(client, home, editor, app):
    response = log_in(client, editor.username, path="/admin/login/", next="/admin/pages/")
    assert response.status_code == 302 and response["Location"] == CODE_STEP
    assert client.get("/admin/pages/")["Location"].startswith("/admin/login/")
    response = client.post(CODE_STEP, {"code": app_code(app)})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_next_is_kept_through_the_code_step_and_an_external_one_ignored(client, home, editor, app):
    log_in(client, editor.username, next="/area-riservata/")
    assert client.post(CODE_STEP, {"code": app_code(app)})["Location"] == "/area-riservata/"
    client.post("/esci/")
    log_in(client, editor.username, next="https://truffa.example.org/")
    assert client.post(CODE_STEP, {"code": app_code(app, steps_ahead=1)})["Location"] == "/admin/"


def test_people_without_two_factor_log_in_with_the_password_alone(client, home, make_user):
    operator = make_user("Operatori")
    assert log_in(client, operator.username)["Location"] == "/admin/"
    assert logged_in_username(client) == operator.username


def test_the_code_page_is_italian_accessible_and_without_inline_code(client, home, editor, app):
    log_in(client, editor.username)
    response = client.get(CODE_STEP)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Codice di verifica</h1>" in html
    assert '<label class="form-field__label fw-semibold" for="id_code">Codice dell&#x27;app</label>' in html
    field = re.search(r"<input[^>]*id=\"id_code\"[^>]*>", html).group(0)
    assert 'autocomplete="one-time-code"' in field and 'inputmode="numeric"' in field
    assert 'aria-describedby="id_code_helptext"' in field
    assert '<label class="form-field__label fw-semibold" for="id_backup_code">Codice di riserva</label>' in html
    assert "<details" in html  # the backup code works without JavaScript
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_wrong_code_is_refused_in_italian_saying_how_many_tries_are_left(client, home, editor, app):
    log_in(client, editor.username)
    wrong = f"{(int(app_code(app)) + 1) % 1_000_000:06d}"
    response = client.post(CODE_STEP, {"code": wrong})
    html = response.content.decode()
    assert response.status_code == 200
    assert WRONG_CODE in html and "Hai ancora 4 tentativi" in html
    assert 'role="alert"' in html and 'aria-invalid="true"' in html
    assert wrong not in html
    assert logged_in_username(client) is None


def test_an_empty_code_is_named_in_the_error_summary(client, home, editor, app):
    log_in(client, editor.username)
    html = client.post(CODE_STEP, {"code": ""}).content.decode()
    assert '<a href="#id_code">Codice dell&#x27;app</a>: Scrivi il codice.' in html


def test_a_code_typed_with_spaces_is_accepted(client, home, editor, app):
    log_in(client, editor.username)
    code = app_code(app)
    assert client.post(CODE_STEP, {"code": f"{code[:3]} {code[3:]}"})["Location"] == "/admin/"


def test_wrong_codes_count_with_wrong_passwords_and_lock_the_username_out(client, home, editor, app, settings):
    # django-otp's own wait between wrong codes (1 s, 2 s, 4 s...) is left out here: axes is under test.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    log_in(client, editor.username, password="sbagliata")
    log_in(client, editor.username)
    statuses = [client.post(CODE_STEP, {"code": "000000"}).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    # The pending login is gone: even the right code no longer logs in, nor the right password.
    html = client.post(CODE_STEP, {"code": app_code(app)}).content.decode()
    assert "Accedi di nuovo" in html and logged_in_username(client) is None
    response = log_in(client, editor.username)
    assert response.status_code == 429
    assert LOCKED in response.content.decode() and f"«{editor.username}»" in response.content.decode()


def test_the_lockout_page_says_codes_were_wrong(client, home, editor, app, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    log_in(client, editor.username)
    for _ in range(4):
        client.post(CODE_STEP, {"code": "000000"})
    response = client.post(CODE_STEP, {"code": "000000"})
    assert response.status_code == 429
    assert "La password o il codice di verifica sono stati sbagliati 5 volte di seguito" in response.content.decode()


def test_django_otp_makes_a_quick_second_guess_wait(client, home, editor, app, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    log_in(client, editor.username)
    client.post(CODE_STEP, {"code": "000000"})
    html = client.post(CODE_STEP, {"code": app_code(app)}).content.decode()
    assert "Troppi codici sbagliati di seguito: aspetta" in html
    assert logged_in_username(client) is None


def test_a_backup_code_logs_in_once_and_only_once(client, home, editor, backup_codes):
    code = backup_codes[0]
    log_in(client, editor.username)
    assert client.post(CODE_STEP, {"backup_code": code.upper()})["Location"] == "/admin/"
    client.post("/esci/")
    log_in(client, editor.username)
    html = client.post(CODE_STEP, {"backup_code": code}).content.decode()
    assert WRONG_CODE in html and '<details class="mt-5 twofactor-backup" open>' in html
    assert logged_in_username(client) is None


def test_the_code_page_without_a_pending_login_asks_to_log_in_again(client, home):
    html = client.get(CODE_STEP).content.decode()
    assert "Accedi di nuovo" in html and 'href="/accedi/"' in html


def test_a_pending_login_expires_after_ten_minutes(client, home, editor, app, monkeypatch):
    import time

    log_in(client, editor.username)
    later = time.time() + 11 * 60
    monkeypatch.setattr("twofactor.session.time.time", lambda: later)
    response = client.post(CODE_STEP, {"code": app_code(app)})
    assert response.status_code == 200 and "Accedi di nuovo" in response.content.decode()
    assert logged_in_username(client) is None


def test_a_right_password_for_someone_else_ends_the_current_session(client, home, editor, app, make_user):
    other = make_user("Operatori")
    client.force_login(other)
    log_in(client, editor.username)
    assert logged_in_username(client) is None


def test_a_session_logged_in_without_the_code_is_logged_out(client, home, editor, app):
    # Another way in than the two steps (here the test client's force_login) gives no code.
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/accedi/?next=%2Fadmin%2F"
    assert logged_in_username(client) is None


def test_an_inactive_user_cannot_finish_a_pending_login(client, home, editor, app):
    log_in(client, editor.username)
    get_user_model().objects.filter(pk=editor.pk).update(is_active=False)
    client.post(CODE_STEP, {"code": app_code(app)})
    assert logged_in_username(client) is None
