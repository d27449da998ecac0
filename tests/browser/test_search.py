"""A visitor searches: suggestions by keyboard, two facets, one chip removed."""

import re

from .helpers import axe_violations, log_in, screenshot


def test_pick_a_suggestion_with_the_keyboard(live_site, page):
    page.goto(live_site + "/")
    box = page.get_by_role("combobox", name="Cerca nel sito")
    box.click()
    box.type("tiroc", delay=50)
    listbox = page.get_by_role("listbox")
    listbox.wait_for(state="visible")
    options = page.get_by_role("option")
    assert options.count() >= 1
    assert box.get_attribute("aria-expanded") == "true"
    screenshot(page, "search-suggestions")
    box.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    title = first.locator(".suggestion-title").inner_text()
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text().strip() == title


def test_refine_by_two_facets_then_remove_one_chip(live_site, page):
    page.goto(live_site + "/cerca/?q=tirocini")
    assert page.locator(".search-result").count() > 0
    facets = page.locator("form.facets")
    facets.locator("fieldset", has_text="Tipo di contenuto").locator("label").first.click()
    facets.locator("fieldset", has_text="Ambito").locator("label").first.click()
    facets.get_by_role("button", name="Applica i filtri").click()
    page.wait_for_load_state()
    chips = page.locator(".active-filters li")
    assert chips.count() == 2
    refined = page.locator(".search-result").count()
    assert refined > 0
    assert "tipo=" in page.url and "ambito=" in page.url
    assert axe_violations(page) == []
    screenshot(page, "search-two-facets")

    chips.first.get_by_role("link").click()
    page.wait_for_load_state()
    assert page.locator(".active-filters li").count() == 1
    assert "tipo=" not in page.url and "ambito=" in page.url
    assert page.locator(".search-result").count() >= refined


def test_search_page_without_javascript(chromium, live_site):
    context = chromium.new_context(java_script_enabled=False)
    browser_page = context.new_page()
    browser_page.goto(live_site + "/")
    box = browser_page.get_by_role("searchbox", name="Cerca nel sito")
    box.fill("laboratorio")
    box.press("Enter")
    browser_page.wait_for_load_state()
    assert re.search(r"/cerca/\?q=laboratorio", browser_page.url)
    assert browser_page.locator(".search-result").count() > 0
    context.close()


def test_tag_page_and_empty_search_have_no_accessibility_violations(live_site, page):
    page.goto(live_site + "/cerca/")
    assert axe_violations(page) == []
    page.locator(".tag-list a").first.click()
    page.wait_for_load_state()
    assert "/tag/" in page.url
    assert axe_violations(page) == []
    screenshot(page, "tag-page")
    page.goto(live_site + "/tag/")
    assert axe_violations(page) == []


def test_the_redazione_adds_a_synonym_and_visitors_find_by_it(live_site, page):
    page.goto(live_site + "/cerca/?q=orticoltura")
    assert page.locator(".search-result").count() == 0

    log_in(page, live_site, "redazione")
    page.get_by_role("button", name="Impostazioni").click()
    page.get_by_role("link", name="Sinonimi di ricerca").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="cv", exact=True).count() == 1  # the demo's
    page.get_by_role("link", name=re.compile("Aggiungi sinonimo di ricerca")).first.click()
    page.get_by_role("textbox", name="Parole").fill("orticoltura")
    page.get_by_role("textbox", name="Cerca anche").fill("orto, orti")
    page.get_by_role("button", name="Salva").click()
    page.wait_for_load_state()
    assert page.get_by_text("orticoltura → orto, orti").count() >= 1
    screenshot(page, "admin-search-synonyms")

    page.goto(live_site + "/cerca/?q=orticoltura")
    found = page.locator(".search-result")
    assert found.count() > 0
    assert "orti" in found.first.inner_text().lower()


def test_a_typo_shows_the_corrected_results_and_the_way_back(live_site, page):
    page.goto(live_site + "/cerca/?q=tirocnio")
    correction = page.locator(".search-correction")
    assert "Risultati per «tirocinio»" in correction.inner_text()
    assert page.locator(".search-result").count() > 0
    assert page.get_by_role("searchbox", name="Che cosa cerchi?").input_value() == "tirocnio"
    screenshot(page, "search-typo-corrected")

    correction.get_by_role("link", name="Cerca invece «tirocnio»").click()
    page.wait_for_load_state()
    assert page.locator(".search-result").count() == 0
    assert page.locator(".did-you-mean").get_by_role("link", name="tirocinio").count() == 1
