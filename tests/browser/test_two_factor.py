"""Two-factor login in a real browser: set up with the key read from the page, then the code
after the password on the admin's login; a wrong code is refused.

An editor of its own (in the Redazione group), not the demo's «redazione»: other browser
tests log in as the demo users with the password alone.
"""

import re
from base64 import b32decode

from .helpers import axe_violations, screenshot

USERNAME = "redattrice-due-fattori"


def make_editor(username=USERNAME):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from ciao.demo.site import DEMO_PASSWORD

    user, _created = get_user_model().objects.get_or_create(username=username)
    user.set_password(DEMO_PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name="Redazione"))
    return user


def app_code(key, steps_ahead=0):
    """What the authenticator app shows for ``key`` (django-otp's TOTP, as the phone computes it)."""
    from django_otp.oath import totp

    return f"{totp(key, drift=steps_ahead):06d}"


def admin_login(page, live_site, password=None):
    from ciao.demo.site import DEMO_PASSWORD

    page.goto(live_site + "/admin/login/")
    page.get_by_label("Nome utente").fill(USERNAME)
    page.get_by_label("Password").fill(password or DEMO_PASSWORD)
    page.get_by_role("button", name="Accedi").click()


def test_an_editor_sets_up_two_factor_and_then_logs_in_with_the_code(live_site, page, settings):
    # The suite's clock is frozen (conftest's NOW), so django-otp's wait after a wrong code,
    # timed with that clock, would never end; the wait itself is tested in tests/twofactor/.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    make_editor()
    admin_login(page, live_site)
    page.wait_for_url(live_site + "/admin/")

    page.goto(live_site + "/accedi/due-fattori/")
    assert page.get_by_role("heading", level=1).inner_text() == "Verifica in due passaggi"
    assert page.get_by_role("img", name="Codice QR da inquadrare con l'app di autenticazione").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "two-factor-setup")
    key = b32decode(page.locator("#twofactor-key").inner_text().replace(" ", ""))
    page.get_by_label("Codice dell'app").fill(app_code(key))
    page.get_by_role("button", name="Attiva la verifica in due passaggi").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Verifica in due passaggi attiva"
    codes = page.get_by_role("list", name="Codici di riserva").get_by_role("listitem").all_inner_texts()
    assert len(codes) == 10 and all(re.fullmatch(r"[a-z2-7]{8}", code) for code in codes)
    assert axe_violations(page) == []

    page.goto(live_site + "/esci/")
    page.get_by_role("button", name="Esci").click()
    page.wait_for_url(live_site + "/")

    admin_login(page, live_site)
    page.wait_for_url(live_site + "/accedi/codice/")
    assert page.get_by_role("heading", level=1).inner_text() == "Codice di verifica"
    assert axe_violations(page) == []
    # Not logged in yet: the admin still asks for the login.
    page.goto(live_site + "/admin/")
    assert page.url.startswith(live_site + "/admin/login/")

    admin_login(page, live_site)
    page.wait_for_url(live_site + "/accedi/codice/")
    wrong = f"{(int(app_code(key, steps_ahead=1)) + 1) % 1_000_000:06d}"
    page.get_by_label("Codice dell'app").fill(wrong)
    page.get_by_role("button", name="Continua").click()
    assert page.get_by_role("alert").inner_text().startswith("C'è un campo da correggere")
    assert "Il codice non è giusto o è scaduto." in page.locator("#id_code_error").inner_text()
    assert page.get_by_label("Codice dell'app").input_value() == ""
    assert axe_violations(page) == []
    screenshot(page, "two-factor-wrong-code")

    page.get_by_label("Codice dell'app").fill(app_code(key, steps_ahead=1))
    page.get_by_role("button", name="Continua").click()
    page.wait_for_url(live_site + "/admin/")
    assert page.get_by_label("Password").count() == 0
    screenshot(page, "two-factor-admin")


def test_a_backup_code_logs_in_on_a_phone_without_javascript(chromium, live_site):
    from ciao.demo.site import DEMO_PASSWORD
    from tests.factories.twofactor import give_two_factor

    editor = make_editor("redattore-senza-telefono")
    _device, codes = give_two_factor(editor)
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800}, locale="it-IT")
    browser_page = context.new_page()
    browser_page.goto(live_site + "/accedi/")
    browser_page.get_by_label("Nome utente").fill(editor.username)
    browser_page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    browser_page.get_by_role("button", name="Accedi").click()
    browser_page.wait_for_url(live_site + "/accedi/codice/")
    browser_page.get_by_text("Non hai il telefono con te? Usa un codice di riserva").click()
    browser_page.get_by_label("Codice di riserva").fill(codes[0])
    screenshot(browser_page, "two-factor-backup-code-phone")
    browser_page.locator("details").get_by_role("button", name="Continua").click()
    browser_page.wait_for_url(live_site + "/admin/")
    context.close()
