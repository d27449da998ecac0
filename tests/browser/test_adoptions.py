"""Adoptions and questions in Chromium: the practice page with the ambiti that adopted it and its public
questions and answers, a member recording an adoption through the form, a member asking a question.
Each page is checked with axe-core and photographed."""

from .helpers import axe_violations, screenshot
from .test_community import log_in_on_site

PRACTICE = "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/"


def test_the_practice_page_shows_where_it_was_adopted_and_its_answered_questions(live_site, page):
    page.goto(live_site + PRACTICE)
    main = page.get_by_role("main")
    adoptions = main.locator("#adozioni")
    assert adoptions.get_by_role("heading", level=2).inner_text().startswith("Adottata anche a")
    assert "Corsichese" in adoptions.inner_text() and "Paullese" in adoptions.inner_text()
    assert adoptions.locator("table.practice-indicators").count() >= 1
    questions = main.locator("#domande")
    assert "Come avete trovato le prime imprese" in questions.inner_text()
    assert "Risponde chi ha scritto la pagina" in questions.inner_text()
    assert questions.get_by_role("link", name="Accedi per fare una domanda").is_visible()
    assert axe_violations(page) == []
    adoptions.scroll_into_view_if_needed()
    screenshot(page, "practice-page-adoptions-questions")


def test_a_member_records_an_adoption_through_the_form(live_site, page):
    practice = "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/"
    log_in_on_site(page, live_site, "membro", practice)
    page.get_by_role("link", name="Avete adottato questa pratica? Raccontatelo").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Registra un'adozione"
    assert axe_violations(page) == []
    page.get_by_label("Ambito che l'ha adottata").select_option(label="Paullese")
    page.get_by_label("Adattata", exact=True).check()
    page.get_by_label("Da quando").fill("2025-03-03")
    page.locator("label", has_text="Giovani").click()  # Bootstrap Italia draws the box on the label
    page.get_by_label("Che cosa avete cambiato").fill("Colazioni al mercato del sabato invece che in Comune.")
    page.get_by_label("Com'è andata").fill("Dodici imprese nuove in un anno.")
    first_indicator = page.locator("fieldset.adoption-indicator").first
    first_indicator.get_by_label("Indicatore").fill("Imprese coinvolte")
    first_indicator.get_by_label("Valore").fill("12")
    first_indicator.get_by_label("Unità di misura").fill("imprese")
    first_indicator.get_by_label("Anno").fill("2025")
    screenshot(page, "adoption-form")
    page.get_by_role("button", name="Invia alla redazione").click()
    page.wait_for_url(f"{live_site}/area-riservata/adozioni/**")
    assert "Adozione inviata alla redazione" in page.locator("main .alert-success").inner_text()
    item = page.locator(".adoption-item", has_text="Colazioni di lavoro")
    assert "Stato: in revisione" in item.inner_text()
    assert axe_violations(page) == []
    screenshot(page, "adoption-list")
    # Waiting for the redazione: the practice page does not show it.
    page.goto(live_site + practice)
    assert "Dodici imprese nuove" not in page.get_by_role("main").inner_text()


def test_a_member_asks_the_authors_a_question(live_site, page):
    log_in_on_site(page, live_site, "membro", PRACTICE)
    form = page.locator("#domande form")
    form.get_by_label("La tua domanda").fill("Che contratto avete usato per il tutor d'impresa?")
    form.get_by_role("button", name="Invia la domanda").click()
    page.wait_for_url(f"{live_site}/area-riservata/domande/**")
    assert "Domanda inviata" in page.locator("main .alert-success").inner_text()
    assert "Che contratto avete usato" in page.get_by_role("main").inner_text()
    assert axe_violations(page) == []
    screenshot(page, "question-asked")
