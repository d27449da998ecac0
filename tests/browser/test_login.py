"""Logging in on the site's own page, in a real browser: accessible, and back to what was asked for.

Nothing here types a wrong password for a demo user: other browser tests log in as
them, and five wrong passwords would lock them out (login throttling).
"""

from .helpers import axe_violations, screenshot

REASON = "Questo contenuto è riservato ai partner della comunità di pratica: accedi per vederlo."


def test_a_private_material_sends_visitors_to_the_login_and_back_to_it(live_site, page):
    from ciao.demo.site import DEMO_PASSWORD
    from resources.models import ResourcePage

    private = ResourcePage.objects.get(slug="casi-di-studio-riservati")
    page.goto(live_site + private.url)
    assert page.url == f"{live_site}/accedi/?next={private.url}"
    assert page.get_by_text(REASON).is_visible()
    assert page.get_by_role("heading", level=1).inner_text() == "Accedi"
    assert axe_violations(page) == []
    screenshot(page, "login")

    page.get_by_label("Nome utente").fill("formatore")
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Accedi").click()
    page.wait_for_url(live_site + private.url)
    assert page.get_by_role("heading", level=1).inner_text() == private.title


def test_a_failed_login_says_why_in_italian_and_keeps_the_username(live_site, page):
    page.goto(live_site + "/accedi/")
    page.get_by_label("Nome utente").fill("ospite-sconosciuto")
    page.get_by_label("Password", exact=True).fill("non-questa")
    page.get_by_role("button", name="Accedi").click()
    assert page.get_by_role("alert").inner_text().startswith("Inserisci nome utente e password corretti")
    assert page.get_by_label("Nome utente").input_value() == "ospite-sconosciuto"
    assert axe_violations(page) == []
    screenshot(page, "login-error")


def test_the_password_reset_pages_are_accessible(live_site, page):
    page.goto(live_site + "/accedi/")
    page.get_by_role("link", name="Hai dimenticato la password?").click()
    page.wait_for_url(live_site + "/accedi/password/")
    assert axe_violations(page) == []
    screenshot(page, "password-reset")

    page.get_by_label("Indirizzo e-mail").fill("nessuno@example.org")
    page.get_by_role("button", name="Invia il collegamento").click()
    page.wait_for_url(live_site + "/accedi/password/inviata/")
    assert page.get_by_role("heading", level=1).inner_text() == "E-mail inviata"
    assert axe_violations(page) == []


def test_logging_in_works_without_javascript_on_a_phone(chromium, live_site):
    from ciao.demo.site import DEMO_PASSWORD

    context = chromium.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800}, locale="it-IT")
    browser_page = context.new_page()
    browser_page.goto(live_site + "/accedi/?next=/materiali/")
    assert browser_page.get_by_text(REASON).is_visible()
    screenshot(browser_page, "login-phone")
    browser_page.get_by_label("Nome utente").fill("operatrice")
    browser_page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    browser_page.get_by_role("button", name="Accedi").click()
    browser_page.wait_for_url(live_site + "/materiali/")
    context.close()
