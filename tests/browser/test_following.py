"""Following in a real browser: the /segui/ form (desktop and phone, with a mistake), the page a
subscription's link opens, and the weekly digest e-mail as a phone shows it (390 px)."""

from datetime import timedelta

from .conftest import NOW
from .helpers import axe_violations, screenshot, watch_console

PHONE = {"width": 390, "height": 844}


def expect_refusal(page, status):
    """Chromium logs the page's own 4xx status as a console error: here it is the answer expected."""
    expected = f"the server responded with a status of {status}"
    assert any(expected in error for error in page.console_errors)
    page.console_errors[:] = [error for error in page.console_errors if expected not in error]


def test_a_visitor_follows_a_theme_without_an_account(live_site, page):
    page.goto(live_site + "/segui/?tema=occupazione")
    assert page.get_by_role("heading", level=1).inner_text() == "Segui gli aggiornamenti"
    assert page.get_by_role("checkbox", name="Occupazione").is_checked()
    assert axe_violations(page) == []
    screenshot(page, "following-form")

    page.get_by_label("Il tuo indirizzo e-mail").fill("lucia.rossi@")
    page.get_by_role("button", name="Iscriviti").click()
    page.wait_for_load_state()
    assert "Inserisci un indirizzo email valido" in page.get_by_role("alert").inner_text()
    assert page.get_by_role("checkbox", name="Occupazione").is_checked()
    assert page.get_by_label("Il tuo indirizzo e-mail").input_value() == "lucia.rossi@"
    assert axe_violations(page) == []
    screenshot(page, "following-form-error")
    expect_refusal(page, 400)

    page.get_by_label("Il tuo indirizzo e-mail").fill("lucia.rossi@example.org")
    page.get_by_role("button", name="Iscriviti").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Controlla la tua e-mail"
    assert axe_violations(page) == []


def test_the_follow_form_fits_a_phone(live_site, chromium):
    context = chromium.new_context(viewport=PHONE, locale="it-IT", is_mobile=True, has_touch=True)
    page = watch_console(context.new_page())
    try:
        page.goto(live_site + "/segui/")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert axe_violations(page) == []
        screenshot(page, "following-form-phone")
        assert page.console_errors == []
    finally:
        context.close()


def test_a_subscriber_manages_their_choices_from_the_emails_link(live_site, page):
    from community.models import Subscription

    subscription = Subscription.objects.get(email="lucia.ferraro@example.org", member=None)
    page.goto(f"{live_site}/segui/{subscription.token}/")
    assert page.get_by_role("heading", level=1).inner_text() == "La tua iscrizione agli aggiornamenti"
    assert page.get_by_role("checkbox", name="Attivazione").is_checked()
    assert axe_violations(page) == []
    screenshot(page, "following-manage")


def test_a_bogus_link_gets_a_clear_page(live_site, page):
    response = page.goto(f"{live_site}/segui/non-esiste/")
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Link non valido"
    assert axe_violations(page) == []
    expect_refusal(page, 404)


def test_the_weekly_digest_reads_well_on_a_phone(chromium):
    from community.digests import digest_for, gather, render_message
    from community.models import Subscription

    subscription = Subscription.objects.get(member__user__username="membro")
    since = NOW - timedelta(days=7)
    sections = digest_for(subscription, gather(since, NOW + timedelta(hours=1)), since)
    assert sections, "the demo member's digest has news"
    message = render_message("digest", {"sections": sections, "since": since, "now": NOW}, subscription)
    html = message.alternatives[0][0]

    context = chromium.new_context(viewport=PHONE, locale="it-IT", is_mobile=True)
    page = watch_console(context.new_page())
    try:
        page.set_content(html)
        assert page.get_by_role("heading", level=1).inner_text() == "Le novità della settimana"
        assert page.get_by_role("heading", name="Dai tuoi gruppi di lavoro").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.get_by_role("link", name="Annulla l'iscrizione").is_visible()
        assert axe_violations(page) == []
        screenshot(page, "following-digest-email-phone")
        assert page.console_errors == []
    finally:
        context.close()
