"""An operatrice imports a practice exported by another ambito's site, in the admin, in Chromium.

The live site is shared by the run's browser tests: the import leaves one draft with
a title no other test looks for, and publishes nothing.
"""

import json

from .helpers import log_in, screenshot

SOURCE_SLUG = "antenne-di-quartiere"  # a demo practice with an attachment: files are found by their hash
IMPORTED_TITLE = "Antenne di quartiere, scheda ricevuta da un altro ambito (prova del browser)"


def exported_practice(browser_page, live_site):
    """The public export of a live demo practice, as the other ambito's site would serve it."""
    from practices.models import PracticePage

    source = PracticePage.objects.live().get(slug=SOURCE_SLUG)
    response = browser_page.request.get(live_site + source.url + "esporta/")
    assert response.ok and response.headers["content-type"] == "application/json"
    return response.json()


def settled(browser_page):
    """Wait until the admin's message has slid into place, so the screenshot shows all of it."""
    browser_page.wait_for_function(
        "() => { const m = document.querySelector('.messages li');"
        " return m && m.getBoundingClientRect().top >= 0 && !m.getAnimations().length; }"
    )


def test_an_operatrice_imports_a_practice_and_sees_errors_of_a_broken_file(live_site, page, tmp_path):
    from practices.models import PracticeIndexPage, PracticePage

    index = PracticeIndexPage.objects.get(slug="buone-pratiche")
    data = exported_practice(page, live_site)
    data["practice"]["title"] = IMPORTED_TITLE
    good = tmp_path / "antenne-di-quartiere.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    log_in(page, live_site, "operatrice")
    page.goto(f"{live_site}/admin/pages/{index.pk}/")
    page.get_by_role("button", name="Azioni", exact=True).click()
    page.get_by_role("link", name="Importa da JSON").click()
    page.wait_for_url(f"{live_site}/admin/buone-pratiche/importa/?parent={index.pk}")
    assert page.get_by_role("heading", level=2, name="Importa una buona pratica").is_visible()

    page.get_by_label("File JSON della buona pratica").set_input_files(str(good))
    page.get_by_role("button", name="Importa come bozza").click()
    page.wait_for_url(f"{live_site}/admin/pages/{index.pk}/?ordering=-latest_revision_created_at")
    message = page.locator(".messages .success")
    assert "è stata importata come bozza a tuo nome e inviata in revisione alla redazione" in message.inner_text()
    draft = PracticePage.objects.get(title=IMPORTED_TITLE)
    assert not draft.live and draft.owner.username == "operatrice"
    assert draft.current_workflow_state is not None
    assert message.get_by_role("link", name="Apri la bozza").get_attribute("href") == f"/admin/pages/{draft.pk}/edit/"
    # Latest changes first; here the demo's clock is frozen, so the draft may tie with others.
    row = page.locator("table.listing tbody tr", has_text=IMPORTED_TITLE)
    assert row.count() == 1
    settled(page)
    # The admin scrolls inside its own frame: a tall window shows the message and the whole list.
    page.set_viewport_size({"width": 1280, "height": 2600})
    screenshot(page, "admin-import-practice")
    page.set_viewport_size({"width": 1280, "height": 900})

    # A file from a site with an ambito this one does not have, and a date written by hand.
    data["practice"]["ambito"] = {"slug": "atlantide", "name": "Atlantide"}
    data["practice"]["start_date"] = "26/11/2026"
    broken = tmp_path / "scheda-da-correggere.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    page.get_by_role("link", name="Importa pratica").click()  # the admin menu's way in
    page.wait_for_url(f"{live_site}/admin/buone-pratiche/importa/")
    page.get_by_label("File JSON della buona pratica").set_input_files(str(broken))
    page.get_by_label("Importa anche se mancano alcuni allegati").check()
    page.get_by_role("button", name="Importa come bozza").click()
    page.wait_for_load_state()
    errors = page.get_by_role("region", name="Da correggere nel file: non è stato creato nulla")
    assert errors.is_visible()
    assert "Ambito sconosciuto su questo sito: «Atlantide»" in errors.inner_text()
    assert "Data non valida: usa il formato AAAA-MM-GG." in errors.inner_text()
    assert page.get_by_label("Importa anche se mancano alcuni allegati").is_checked()
    assert "La buona pratica non è stata importata" in page.locator(".messages").inner_text()
    assert PracticePage.objects.filter(title=IMPORTED_TITLE).count() == 1
    settled(page)
    screenshot(page, "admin-import-practice-error")
