"""The monitoring page in Chromium, as the demo's «membro» (in the Cabina di Regia) sees it: every
section with its charts and tables, a period by semester, the CSV download. Checked with axe-core
and photographed, on a desktop and on a phone."""

from .helpers import axe_violations, screenshot, watch_console
from .test_community import PHONE, log_in_on_site

MONITORING = "/area-riservata/monitoraggio/"


def test_the_cabina_di_regia_reads_the_monitoring_with_charts_and_tables(live_site, page):
    log_in_on_site(page, live_site, "membro")
    page.get_by_role("navigation", name="Area riservata").get_by_role("link", name="Monitoraggio").click()
    page.wait_for_url(live_site + MONITORING)
    main = page.get_by_role("main")
    assert page.get_by_role("heading", level=1).inner_text() == "Monitoraggio del progetto"
    for heading in (
        "Buone pratiche pubblicate",
        "Materiali formativi pubblicati",
        "Eventi svolti",
        "Adozioni di buone pratiche",
        "Per fase del modello di intervento",
        "Indicatori sommati per ambito",
    ):
        assert main.get_by_role("heading", name=heading, level=2).is_visible()
    # Every chart is an image with a name, followed by its table.
    charts = main.locator("svg[role=img]")
    assert charts.count() >= 9
    assert main.get_by_role("img", name="Grafico a barre: buone pratiche pubblicate per ambito").count() == 1
    practices = main.locator('table[data-series="pratiche"] tfoot td').last.inner_text()
    assert int(practices) > 0
    assert int(main.locator('table[data-series="adozioni"] tfoot td').last.inner_text()) >= 3
    assert axe_violations(page) == []
    screenshot(page, "monitoring")

    page.get_by_label("semestre per semestre").check()
    page.get_by_role("button", name="Mostra il periodo").click()
    page.wait_for_url("**dettaglio=semestre**")
    assert main.locator('table[data-series="pratiche"] thead th', has_text="semestre").count() >= 2
    with page.expect_download() as download:
        main.get_by_role("link", name="Scarica tutti i numeri in CSV").click()
    path = download.value.path()
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("\ufeffSezione;Misura;")
    assert download.value.suggested_filename.startswith("monitoraggio-ciao-")


def test_the_monitoring_reads_on_a_phone(live_site, chromium):
    context = chromium.new_context(viewport=PHONE, locale="it-IT", is_mobile=True, has_touch=True)
    page = watch_console(context.new_page())
    try:
        log_in_on_site(page, live_site, "membro", MONITORING)
        # Tables scroll inside their frame; the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert axe_violations(page) == []
        screenshot(page, "monitoring-phone")
        assert page.console_errors == []
    finally:
        context.close()
