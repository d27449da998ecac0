"""Listings on a phone: the filters fold away so the results come first."""

from .helpers import axe_violations


def test_on_a_phone_listing_filters_start_folded_and_open_with_one_tap(chromium, live_site):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="it-IT")
    browser_page = context.new_page()
    for path, summary in (
        ("/buone-pratiche/", "Filtra le pratiche"),
        ("/materiali/", "Filtra i materiali"),
        ("/eventi/", "Filtra gli eventi"),
        ("/cerca/?q=laboratorio", "Filtra i risultati"),
    ):
        browser_page.goto(live_site + path)
        first_filter = browser_page.locator(".filters-panel input[type=checkbox]").first
        assert not first_filter.is_visible(), path
        # The results are no longer a screen of checkboxes away.
        assert browser_page.locator("#results-title").bounding_box()["y"] < 844, path
        browser_page.locator(".filters-panel > summary", has_text=summary).click()
        assert first_filter.is_visible(), path
    assert axe_violations(browser_page) == []
    context.close()
