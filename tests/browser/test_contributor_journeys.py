"""Each role's whole journey through the admin, in Chromium, as one story.

An operatrice writes a good practice with every chooser, steps, indicators and
an attachment and submits it; a formatore shares a material with a PDF and
meets a refused upload; the redazione approves both from the dashboard, edits
an event's repeats and each vocabulary; then an anonymous visitor finds both,
down to a word that only the attached files contain. The tests run in this
file's order and share the demo site; each fails on any console error or CSP
violation (the ``page`` fixture).
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from PIL import Image

from ciao.roles import OPERATORI
from practices.models import PracticePage
from resources.sample_files import pdf_bytes

from .admin_steps import (
    add_row,
    choose,
    field,
    fill_rich_text,
    footer_action,
    footer_actions,
    open_tab,
    success_message,
    tick,
    type_date,
    upload_in_chooser,
)
from .helpers import log_in, screenshot

PRACTICE = "Orti condivisi tra vicini a Binasco"
MATERIAL = "Scheda per il primo colloquio di orientamento"
# Words that only the attached files contain: search finds the pages through them.
PRACTICE_FILE_WORD = "zucchinaia"
MATERIAL_FILE_WORD = "colloquiometro"

story = {}


@pytest.fixture
def files(tmp_path):
    practice_pdf = tmp_path / "piano-degli-orti.pdf"
    practice_pdf.write_bytes(pdf_bytes("Piano degli orti", [f"Il calendario della {PRACTICE_FILE_WORD} di quartiere."]))
    material_pdf = tmp_path / "scheda-colloquio.pdf"
    material_pdf.write_bytes(
        pdf_bytes("Scheda colloquio", [f"Domande guida del {MATERIAL_FILE_WORD} per il primo incontro."])
    )
    image = tmp_path / "orto.png"
    Image.new("RGB", (320, 180), "olivedrab").save(image)
    fake_pdf = tmp_path / "programma.pdf"
    fake_pdf.write_bytes(b"MZ\x90\x00" + b"\x00" * 200)  # a Windows program named .pdf
    return {"practice_pdf": practice_pdf, "material_pdf": material_pdf, "image": image, "fake_pdf": fake_pdf}


@pytest.fixture
def someone_elses_practice():
    """A live practice written by another operatore."""
    other, _ = User.objects.get_or_create(username="operatore.corsico", defaults={"first_name": "Carlo"})
    other.groups.add(Group.objects.get(name=OPERATORI))
    practice = PracticePage.objects.live().exclude(title=PRACTICE).order_by("-pk").first()
    PracticePage.objects.filter(pk=practice.pk).update(owner=other)
    return practice


def test_an_operatrice_writes_a_practice_and_submits_it(live_site, page, files, someone_elses_practice):
    log_in(page, live_site, "operatrice")
    menu = page.locator("#wagtail-sidebar")
    assert not menu.get_by_text("Unisci etichette").count()
    page.get_by_role("link", name="Nuova buona pratica").click()
    page.wait_for_load_state()

    field(page, "Titolo").fill(PRACTICE)
    field(page, "In breve").fill("Famiglie e anziani coltivano insieme gli orti comunali, con un'educatrice.")
    choose(page, "Scegli ambito", "Visconteo Sud Milano")
    tick(page, "[data-contentpath=comuni]", "Binasco")
    type_date(page, "Data di inizio", "01/03/2025")
    tick(page, "[data-contentpath=themes]", "Inclusione")
    tick(page, "[data-contentpath=target_groups]", "Famiglie")
    modal = upload_in_chooser(page, "Scegli una immagine", files["image"], "Orto di via Roma")
    modal.wait_for(state="hidden")
    assert page.locator("[data-contentpath=image] [data-chooser-title]").inner_text() == "Orto di via Roma"
    tags = page.locator("[data-contentpath=tags] input:visible").first
    tags.fill("orti")
    tags.press("Enter")

    open_tab(page, "Chi la realizza")
    choose(page, "Scegli organizzazione", "Coop. Stripes", search="Stripes")
    tick(page, "[data-contentpath=partner_organisations]", "A.S.S.E.MI")
    field(page, "Persona di riferimento").fill("Olga Operatrice")
    field(page, "E-mail di riferimento").fill("orti@example.org")

    open_tab(page, "Come funziona")
    fill_rich_text(page, "context", "Molti anziani soli e famiglie senza giardino.")
    fill_rich_text(page, "objectives", "Creare legami tra vicini.")
    step = page.locator("#id_steps-FORMS > [data-inline-panel-child]:visible").first
    field(step, "Passo").fill("Assegnare le parcelle")
    second = add_row(page, "Aggiungi passo")
    field(second, "Passo").fill("Coltivare insieme il sabato")

    open_tab(page, "Risultati")
    fill_rich_text(page, "results", "Dodici parcelle curate da trenta persone.")
    indicator = add_row(page, "Aggiungi indicatore")
    field(indicator, "Indicatore").fill("Famiglie coinvolte")
    field(indicator, "Valore", role="spinbutton").fill("18")
    field(indicator, "Unità di misura").fill("famiglie")

    open_tab(page, "Trasferibilità e allegati")
    attachment = add_row(page, "Aggiungi allegato")
    modal = upload_in_chooser(page, "Scegli un documento", files["practice_pdf"], "Piano degli orti")
    modal.wait_for(state="hidden")
    assert attachment.locator("[data-chooser-title]").inner_text() == "Piano degli orti"

    actions = footer_actions(page)
    assert not [name for name in actions if name.startswith("Pubblica")], actions
    footer_action(page, "Invia a Revisione redazionale").click()
    page.wait_for_load_state()
    assert "inviata" in success_message(page).lower()
    screenshot(page, "journey-operatrice-submitted")

    page.goto(live_site + "/admin/")
    in_review = page.get_by_role("region", name="In revisione")
    assert in_review.get_by_role("link", name=PRACTICE).is_visible()
    screenshot(page, "journey-operatrice-dashboard")

    # Someone else's practice: no way in, even by its address.
    page.goto(live_site + f"/admin/pages/{someone_elses_practice.pk}/edit/")
    assert page.url.rstrip("/").endswith("/admin")
    assert page.locator(".messages .error").is_visible()
    story["practice"] = PRACTICE


def test_a_formatore_shares_a_material_with_a_pdf_and_meets_a_refused_upload(live_site, page, files):
    log_in(page, live_site, "formatore")
    page.get_by_role("link", name="Nuovo materiale").click()
    page.wait_for_load_state()
    field(page, "Titolo").fill(MATERIAL)
    field(page, "In breve").fill("Una traccia di domande per il primo colloquio con chi cerca lavoro.")
    field(page, "Tipo di materiale", role="combobox").select_option(label="Scheda di attività")

    files_row = add_row(page, "Aggiungi file")
    modal = upload_in_chooser(page, "Scegli un documento", files["fake_pdf"], "Programma")
    error = modal.locator("[data-field-errors]").filter(has_text=re.compile(r"\w")).first
    error.wait_for()
    assert "programma eseguibile" in error.inner_text()
    screenshot(page, "journey-formatore-refused-upload")
    modal.locator("button.close, [data-bs-dismiss=modal]").first.click()
    modal.wait_for(state="hidden")

    modal = upload_in_chooser(page, "Scegli un documento", files["material_pdf"], "Scheda colloquio")
    modal.wait_for(state="hidden")
    assert files_row.locator("[data-chooser-title]").inner_text() == "Scheda colloquio"

    footer_action(page, "Invia a Revisione redazionale").click()
    page.wait_for_load_state()
    assert "inviata" in success_message(page).lower()
    screenshot(page, "journey-formatore-submitted")
    story["material"] = MATERIAL


def test_the_redazione_approves_both_edits_an_event_and_each_vocabulary(live_site, page):
    assert story.get("practice") and story.get("material"), "the contributors' journeys run first"
    log_in(page, live_site, "redazione")
    to_review = page.get_by_role("region", name="Da revisionare")
    for title in (PRACTICE, MATERIAL):
        row = to_review.get_by_role("row").filter(has=page.get_by_role("link", name=title))
        row.get_by_role("button", name="Approva", exact=True).click()
        page.wait_for_load_state()
        message = success_message(page)
        assert title in message, message
        assert not page.get_by_role("region", name="Da revisionare").get_by_role("link", name=title).count()
    screenshot(page, "journey-redazione-approved")

    # A weekly event: repeat until the end of March, and skip a Thursday.
    search = page.get_by_placeholder("Cerca in tutte le pagine…")
    search.fill("conversazione in italiano")
    search.press("Enter")
    page.get_by_role("link", name="Gruppo di conversazione in italiano per donne").first.click()
    page.wait_for_load_state()
    type_date(page, "Fino al", "25/03/2027")
    assert field(page, "Fino al").evaluate("e => e.scrollWidth <= e.clientWidth"), "the date is cut off"
    excluded = add_row(page, "Aggiungi giorno escluso")
    type_date(excluded, "Data", "11/02/2027")
    footer_action(page, "Pubblica").click()
    page.wait_for_load_state()
    assert "pubblicata" in success_message(page).lower()
    screenshot(page, "journey-redazione-event")

    for vocabulary in ("Ambiti", "Comuni", "Organizzazioni", "Temi", "Gruppi di destinatari"):
        page.get_by_role("button", name="Vocabolari").click()
        page.locator("#wagtail-sidebar").get_by_role("link", name=vocabulary, exact=True).click()
        page.wait_for_load_state()
        page.locator("main table tbody tr td a").first.click()
        page.wait_for_load_state()
        page.get_by_role("button", name="Salva").first.click()
        page.wait_for_load_state()
        assert "aggiornat" in success_message(page).lower(), vocabulary
    story["approved"] = True


def test_a_visitor_finds_both_and_the_text_of_their_files(live_site, page):
    assert story.get("approved"), "the redazione's journey runs first"
    for title, file_word in ((PRACTICE, PRACTICE_FILE_WORD), (MATERIAL, MATERIAL_FILE_WORD)):
        page.goto(live_site + "/cerca/?q=" + title.split()[0] + " " + title.split()[-1])
        page.get_by_role("link", name=title).first.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == title
        page.goto(live_site + "/cerca/?q=" + file_word)
        assert page.get_by_role("link", name=title).first.is_visible(), file_word
    screenshot(page, "journey-visitor-search-file-text")

    page.get_by_role("link", name="Eventi", exact=True).first.click()
    page.get_by_role("link", name="Gruppo di conversazione in italiano per donne").first.click()
    page.wait_for_load_state()
    assert "fino al 25/03/2027" in page.locator("main").inner_text()
    calendar = page.request.get(page.url + "evento.ics").text()
    assert re.search(r"EXDATE[^:]*:[^\n]*20270211", calendar)
