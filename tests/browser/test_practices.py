"""Good practices in Chromium: filter the listing, read a practice on screen and on paper."""

import re

from .helpers import axe_violations, screenshot


def tick(browser_page, name, value):
    """Tick a filter as a visitor does: Bootstrap Italia draws the box on the label."""
    box = browser_page.locator(f'input[name="{name}"][value="{value}"]')
    browser_page.locator(f'label[for="{box.get_attribute("id")}"]').click()
    assert box.is_checked()


def test_filter_by_ambito_and_theme_then_open_a_practice(live_site, page):
    page.goto(live_site + "/buone-pratiche/")
    assert axe_violations(page) == []
    tick(page, "ambito", "corsichese")
    tick(page, "tema", "occupazione")
    page.get_by_role("button", name="Applica i filtri").click()
    page.wait_for_load_state()
    assert "ambito=corsichese" in page.url and "tema=occupazione" in page.url
    heading = page.locator("#results-title").inner_text()
    count = int(re.match(r"(\d+)", heading).group(1))
    assert count >= 1
    cards = page.locator(".practice-results .practice-card")
    assert cards.count() == count
    assert all("CORSICHESE" in text.upper() for text in cards.locator(".category-top").all_inner_texts())
    assert page.get_by_role("list", name="Filtri attivi").get_by_text("Ambito: Corsichese").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "practices-listing-filtered")

    title = cards.first.locator(".card-title a").inner_text()
    cards.first.locator(".card-title a").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == title
    assert page.get_by_role("heading", name="In sintesi").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "practice-page")

    related = page.get_by_role("heading", name="Pratiche simili in altri ambiti")
    assert related.is_visible()
    page.emulate_media(media="print")
    assert not related.is_visible()
    assert not page.locator(".it-header-navbar-wrapper").is_visible()
    assert page.locator(".practice-indicators").is_visible()
    screenshot(page, "practice-page-print")
    assert page.console_errors == []


def test_comparison_and_intervention_model_have_no_accessibility_violations(live_site, page):
    page.goto(live_site + "/buone-pratiche/confronto/")
    assert page.locator("table.comparison-matrix").is_visible()
    assert page.locator("svg.indicator-chart-svg").first.is_visible()
    assert axe_violations(page) == []
    screenshot(page, "practices-comparison")
    page.goto(live_site + "/modello-di-intervento/")
    assert page.locator("table.coverage-table").is_visible()
    assert axe_violations(page) == []
    screenshot(page, "intervention-model")


def test_the_listing_filters_without_javascript(chromium, live_site):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    browser_page = context.new_page()
    browser_page.goto(live_site + "/buone-pratiche/")
    tick(browser_page, "stato", "conclusa")
    browser_page.get_by_role("button", name="Applica i filtri").click()
    browser_page.wait_for_load_state()
    assert "stato=conclusa" in browser_page.url
    browser_page.get_by_label("Ordina per").select_option("titolo")
    browser_page.get_by_role("button", name="Ordina", exact=True).click()
    browser_page.wait_for_load_state()
    assert "ordina=titolo" in browser_page.url and "stato=conclusa" in browser_page.url
    titles = browser_page.locator(".practice-results .card-title").all_inner_texts()
    assert titles == sorted(titles, key=str.lower) and titles
    screenshot(browser_page, "practices-listing-mobile-nojs")
    context.close()
