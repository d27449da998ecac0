"""A citizen finds an event, takes it to a calendar and proposes one; axe finds nothing to fix.

The demo content is seeded for Thursday 26 November 2026, 10:00 in Rome (see
conftest.py), so "this week" has the same events whatever day CI runs.
"""

from icalendar import Calendar

from .helpers import axe_violations, screenshot


def click_label(page, text, scope="main form"):
    # Bootstrap Italia draws radios and checkboxes on their labels: people click the label.
    page.locator(f"{scope} label", has_text=text).first.click()


def test_a_citizen_filters_by_comune_and_this_week_opens_an_event_and_downloads_it(live_site, page):
    page.goto(live_site + "/eventi/")
    assert axe_violations(page) == []
    click_label(page, "Questa settimana")
    click_label(page, "Rozzano")
    assert page.get_by_label("Rozzano").is_checked()
    page.get_by_role("button", name="Applica i filtri").click()
    page.wait_for_load_state()
    assert "periodo=settimana" in page.url and "comune=rozzano" in page.url
    results = page.locator("main article h4 a")
    titles = results.all_inner_texts()
    assert titles == ["Gruppo di conversazione in italiano per donne"]
    assert page.get_by_text("Comune: Rozzano", exact=True).is_visible()
    assert page.get_by_role("link", name="Togli il filtro Comune: Rozzano").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "events-listing-filtered")

    results.first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Gruppo di conversazione in italiano per donne"
    assert axe_violations(page) == []
    screenshot(page, "events-event-page")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Scarica l'evento (.ics)").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as f:
        calendar = Calendar.from_ical(f.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Gruppo di conversazione in italiano per donne"
    assert event["DTSTART"].params["TZID"] == "Europe/Rome" and "RRULE" in event
    assert page.console_errors == []


def test_the_month_view_and_the_archive_have_no_accessibility_violations(live_site, page):
    page.goto(live_site + "/eventi/mese/2026/11/")
    assert page.locator("table caption").inner_text().startswith("Novembre 2026")
    assert axe_violations(page) == []
    screenshot(page, "events-month")
    page.get_by_role("link", name="Eventi passati").click()
    page.wait_for_load_state()
    assert axe_violations(page) == []
    screenshot(page, "events-archive")


def test_the_month_view_on_a_phone_is_a_list(chromium, live_site):
    context = chromium.new_context(viewport={"width": 375, "height": 800}, locale="it-IT", java_script_enabled=False)
    phone = context.new_page()
    phone.goto(live_site + "/eventi/mese/2026/11/")
    assert not phone.locator("table").is_visible()
    assert phone.get_by_role("heading", name="Gli appuntamenti di novembre 2026").is_visible()
    screenshot(phone, "events-month-phone-nojs")
    context.close()


def test_a_citizen_corrects_a_proposal_without_typing_it_again(live_site, page):
    from events.models import EventPage, EventProposal

    page.goto(live_site + "/eventi/proponi/")
    assert axe_violations(page) == []
    page.get_by_label("Titolo dell'evento").fill("Tombolata solidale 🎲")
    page.get_by_label("Descrizione").fill("Una tombolata per raccogliere fondi.\n\nPremi offerti dai negozi del paese.")
    page.get_by_label("Chi organizza").fill("Associazione genitori")
    page.get_by_label("Giorno (obbligatorio)").fill("2026-12-20")
    page.get_by_label("Ora di inizio").fill("16:00")
    page.get_by_label("Ora di fine").fill("15:00")  # before the start: the mistake
    page.get_by_label("Comune").select_option("rozzano")
    page.get_by_label("Luogo").fill("Oratorio")
    page.get_by_label("Nome e cognome").fill("Mario Esempio")
    page.get_by_label("E-mail").fill("mario@example.org")
    click_label(page, "Ho letto l'informativa")
    page.get_by_role("button", name="Invia la proposta").click()
    page.wait_for_load_state()

    assert page.get_by_role("alert").is_visible()
    error = page.locator("#id_end_time-error")
    assert "dopo l'inizio" in error.inner_text()
    assert page.get_by_label("Ora di fine").get_attribute("aria-invalid") == "true"
    assert page.get_by_label("Titolo dell'evento").input_value() == "Tombolata solidale 🎲"
    assert "Premi offerti" in page.get_by_label("Descrizione").input_value()
    assert page.get_by_label("Comune").input_value() == "rozzano"
    assert page.get_by_label("Ho letto l'informativa").is_checked()
    assert axe_violations(page) == []
    screenshot(page, "events-proposal-errors")

    page.get_by_label("Ora di fine").fill("18:00")
    page.get_by_role("button", name="Invia la proposta").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Grazie, abbiamo ricevuto la tua proposta").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "events-proposal-sent")

    draft = EventPage.objects.get(title="Tombolata solidale 🎲")
    assert not draft.live
    assert EventProposal.objects.get(page=draft).email == "mario@example.org"
    page.goto(live_site + "/eventi/")
    assert "Tombolata" not in page.content()
