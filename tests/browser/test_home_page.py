"""The home page in Chromium: skip link, accessibility, page weight, menu without JavaScript."""

from .helpers import axe_violations, screenshot

PAGE_WEIGHT_BUDGET = 250 * 1024


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(live_site, page):
    page.goto(live_site + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Vai al contenuto"
    assert page.evaluate("document.activeElement.getBoundingClientRect().height") > 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_home_page_has_no_accessibility_violations(live_site, page):
    page.goto(live_site + "/")
    assert axe_violations(page) == []
    screenshot(page, "home")
    assert page.console_errors == []


def test_home_page_first_visit_stays_under_250_kb(live_site, page):
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(live_site + "/", wait_until="networkidle")
    total = 0
    for request in responses:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    urls = [r.url for r in responses]
    print(f"home page first visit: {len(urls)} requests, {total / 1024:.1f} KB")
    assert any(url.endswith(".css") for url in urls)
    assert any(url.endswith(".woff2") for url in urls)
    assert not any("bundle" in url for url in urls)
    assert total <= PAGE_WEIGHT_BUDGET


def test_menu_works_without_javascript(chromium, live_site):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    browser_page = context.new_page()
    browser_page.goto(live_site + "/")
    assert browser_page.get_by_role("link", name="Chi siamo").first.is_visible()
    browser_page.get_by_role("searchbox", name="Cerca nel sito").fill("tirocini")
    browser_page.get_by_role("searchbox", name="Cerca nel sito").press("Enter")
    assert "/cerca/?q=tirocini" in browser_page.url
    screenshot(browser_page, "home-mobile-nojs")
    context.close()
