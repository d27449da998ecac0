"""Training materials in a real browser: accessible, usable without JavaScript, files downloadable."""

from .helpers import axe_violations, screenshot

LISTING = "/materiali/"
DETAIL = "/materiali/bilancio-di-competenze-toolkit/"


def test_listing_has_no_accessibility_violations(live_site, page):
    page.goto(live_site + LISTING)
    assert axe_violations(page) == []
    screenshot(page, "resources-listing")
    assert page.console_errors == []


def test_filtered_listing_has_no_accessibility_violations(live_site, page):
    page.goto(live_site + LISTING + "?tipo=slide&tipo=guida&lingua=it")
    assert axe_violations(page) == []
    screenshot(page, "resources-listing-filtered")


def test_material_page_has_no_accessibility_violations(live_site, page):
    page.goto(live_site + DETAIL)
    assert axe_violations(page) == []
    screenshot(page, "resources-detail")
    assert page.console_errors == []


def test_filters_work_without_javascript(chromium, live_site):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800}, locale="it-IT")
    browser_page = context.new_page()
    browser_page.goto(live_site + LISTING)
    all_count = browser_page.locator(".resource-card").count()
    # Bootstrap Italia draws the checkbox on its label: click what a person clicks.
    browser_page.locator("fieldset", has_text="Tipo di materiale").locator("label", has_text="Slide").click()
    assert browser_page.get_by_role("checkbox", name="Slide").is_checked()
    browser_page.get_by_role("button", name="Applica i filtri").click()
    assert "tipo=slide" in browser_page.url
    cards = browser_page.locator(".resource-card")
    assert 0 < cards.count() < all_count
    for text in cards.locator(".category-top").all_inner_texts():
        assert text.strip().lower() == "slide"
    browser_page.get_by_role("link", name="Togli il filtro Slide").click()
    assert "tipo=slide" not in browser_page.url
    screenshot(browser_page, "resources-listing-mobile-nojs")
    context.close()


def test_a_file_downloads_with_its_format_and_size_shown_first(live_site, page):
    page.goto(live_site + DETAIL)
    link = page.locator("a.resource-file").first
    label = link.inner_text()
    assert "PDF" in label and "KB" in label
    response = page.request.get(live_site + link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def test_private_material_and_its_file_ask_anonymous_visitors_to_log_in(live_site, page):
    from resources.models import ResourcePage

    private = ResourcePage.objects.get(slug="casi-di-studio-riservati")
    file_url = private.files.first().document.url
    page.goto(live_site + private.url)
    assert "/accedi/" in page.url
    response = page.request.get(live_site + file_url, max_redirects=0)
    assert response.status == 302
    assert "/accedi/" in response.headers["location"]


def test_a_refused_upload_shows_the_italian_message_in_the_admin(live_site, page):
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Nome utente").fill("formatore")
    page.get_by_label("Password").fill("ciao-demo-2020")
    page.get_by_role("button", name="Accedi").click()
    page.goto(live_site + "/admin/documents/add/")
    page.get_by_label("Titolo").first.fill("Scheda del laboratorio")
    page.locator("input[type=file]").set_input_files(
        {"name": "scheda.docx", "mimeType": "application/octet-stream", "buffer": b"%PDF-1.4 falso"}
    )
    page.get_by_role("button", name="Carica").click()
    message = page.get_by_text("il contenuto è quello di un PDF")
    message.wait_for()
    assert page.get_by_label("Titolo").first.input_value() == "Scheda del laboratorio"
    screenshot(page, "resources-admin-refused-upload")
