"""The reserved area in a real browser: joining by invitation, my area, a group's space, a reply,
the directory on a phone. Each page is checked with axe-core and photographed."""

import re

from django.urls import reverse

from .helpers import axe_violations, screenshot, watch_console

PHONE = {"width": 390, "height": 844}


def log_in_on_site(page, live_site, username, next_path="/area-riservata/"):
    from ciao.demo.site import DEMO_PASSWORD

    page.goto(f"{live_site}/accedi/?next={next_path}")
    page.get_by_label("Nome utente").fill(username)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Accedi").click()
    page.wait_for_url(live_site + next_path)


def test_the_reserved_area_sends_visitors_to_a_login_that_says_why(live_site, page):
    page.goto(live_site + "/area-riservata/")
    assert page.url.startswith(live_site + "/accedi/?next=/area-riservata/")
    assert page.get_by_text("L'area riservata è lo spazio di lavoro dei membri").is_visible()


def test_accepting_an_invitation_opens_my_area_in_the_invited_groups(live_site, page):
    from community.models import Invitation, WorkingGroup

    invitation = Invitation(email="nuova.socia@example.org", first_name="Nadia", last_name="Nuova")
    token = invitation.new_token()
    invitation.save()
    invitation.groups.add(WorkingGroup.objects.get(slug="attivazione-della-comunita"))

    page.goto(live_site + reverse("community:accept_invitation", args=[token]))
    assert "Nadia" in page.get_by_role("main").inner_text()
    assert axe_violations(page) == []
    screenshot(page, "community-invitation")
    password_fields = page.locator("input[type=password]")
    password_fields.nth(0).fill("girasole-di-paullo-42")
    password_fields.nth(1).fill("girasole-di-paullo-42")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_site + "/area-riservata/")
    assert page.get_by_role("heading", level=1).inner_text() == "Ciao Nadia"
    assert page.get_by_role("link", name="Comunità di pratica: attivazione della comunità").count() >= 1


def test_my_area_shows_my_groups_meetings_actions_and_new_messages(live_site, page):
    log_in_on_site(page, live_site, "membro")
    main = page.get_by_role("main")
    assert page.get_by_role("heading", level=1).inner_text() == "Ciao Marta"
    for heading in ("I miei gruppi", "Prossimi incontri", "Le mie azioni", "Discussioni con messaggi nuovi"):
        assert main.get_by_role("heading", name=heading).is_visible()
    assert main.get_by_role("link", name="Comunità di pratica: tirocini e lavoro").first.is_visible()
    assert "Aggiornare l'elenco delle aziende ospitanti" in main.inner_text()
    assert axe_violations(page) == []
    screenshot(page, "community-my-area")


def test_a_member_reads_the_groups_space_and_writes_a_reply(live_site, page):
    log_in_on_site(page, live_site, "membro", "/area-riservata/gruppi/tirocini-e-lavoro/")
    assert page.get_by_role("heading", level=1).inner_text() == "Comunità di pratica: tirocini e lavoro"
    assert axe_violations(page) == []
    screenshot(page, "community-group-space")

    page.get_by_role("link", name="Tirocini per donne con figli piccoli: orari compatibili").click()
    page.get_by_role("textbox").last.fill(
        "Anche a Rozzano c'è una mensa aziendale con turni 9-14: vedi https://example.org/mensa"
    )
    page.locator("main form button[type=submit]").last.click()
    page.wait_for_load_state()
    reply = page.get_by_text("Anche a Rozzano c'è una mensa aziendale con turni 9-14")
    assert reply.is_visible()
    assert page.get_by_role("link", name="https://example.org/mensa").get_attribute("rel") == "nofollow noopener"
    assert axe_violations(page) == []
    screenshot(page, "community-thread")


def test_the_directory_on_a_phone_finds_who_knows_what(live_site, chromium):
    context = chromium.new_context(viewport=PHONE, locale="it-IT", is_mobile=True, has_touch=True)
    page = watch_console(context.new_page())
    try:
        log_in_on_site(page, live_site, "membro", "/area-riservata/persone/")
        everyone = page.locator("main article, main .member-card, main li.member").count()
        page.get_by_label("Ambito").select_option(label="Visconteo Sud Milano")
        page.locator("main form[method=get] button[type=submit]").first.click()
        page.wait_for_url("**/area-riservata/persone/?*")
        assert "ambito=" in page.url
        filtered = page.locator("main article, main .member-card, main li.member").count()
        assert 0 < filtered < everyone
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert axe_violations(page) == []
        screenshot(page, "community-directory-phone")
        assert page.console_errors == []
    finally:
        context.close()


def test_the_redazione_invites_a_partner_from_the_admin_and_the_link_lets_them_in(live_site, page, chromium):
    """The whole invitation, as the redazione and the invited person do it: the admin's form, the e-mail's link."""
    from django.core import mail

    from .admin_steps import field
    from .helpers import log_in

    log_in(page, live_site, "redazione")
    page.get_by_role("button", name="Comunità di pratica").click()
    page.get_by_role("link", name="Inviti", exact=True).click()
    page.get_by_role("link", name="Aggiungi invito").click()
    field(page, "E-mail").fill("ottavia.ospite@example.org")
    field(page, "Nome").fill("Ottavia")
    field(page, "Cognome").fill("Ospite")
    page.get_by_label("Comunità di pratica: corsi, laboratori e capacitazione").check()
    page.get_by_role("button", name="Salva").click()
    # Saving leads back to the list of invitations, which says the e-mail went.
    page.get_by_text("Invito inviato a ottavia.ospite@example.org").wait_for()
    screenshot(page, "community-admin-invitations")

    sent = [message for message in mail.outbox if "ottavia.ospite@example.org" in message.to]
    assert len(sent) == 1
    link = re.search(r"https?://\S+/area-riservata/invito/[^/\s]+/", sent[0].body).group(0)
    invited = watch_console(chromium.new_context(locale="it-IT").new_page())
    try:
        invited.goto(live_site + link[link.index("/area-riservata/") :])
        passwords = invited.locator("input[type=password]")
        passwords.nth(0).fill("ortensia-di-locate-77")
        passwords.nth(1).fill("ortensia-di-locate-77")
        invited.locator("main form button[type=submit]").click()
        invited.wait_for_url(live_site + "/area-riservata/")
        assert invited.get_by_role("heading", level=1).inner_text() == "Ciao Ottavia"
        assert invited.get_by_role("link", name="Comunità di pratica: corsi, laboratori e capacitazione").count() >= 1
        assert invited.console_errors == []
    finally:
        invited.context.close()


def test_a_member_finds_the_groups_files_in_the_site_search_marked_reserved(live_site, page):
    log_in_on_site(page, live_site, "membro", "/area-riservata/gruppi/tirocini-e-lavoro/")
    page.get_by_label("Cerca nelle discussioni, negli incontri e nei documenti del gruppo").fill("tirocini")
    page.get_by_label("Cerca nelle discussioni, negli incontri e nei documenti del gruppo").press("Enter")
    page.wait_for_url("**/area-riservata/cerca/?*")
    results = page.locator("main ol.search-results > li")
    assert results.count() >= 2
    assert axe_violations(page) == []
    screenshot(page, "community-group-search")

    page.goto(live_site + "/cerca/?q=tirocini")
    reserved = page.locator("section.reserved-results")
    assert reserved.get_by_role("heading", name=re.compile("Nei tuoi gruppi di lavoro")).is_visible()
    assert reserved.locator("li").count() >= 2
    assert axe_violations(page) == []
    screenshot(page, "search-with-reserved-results")
