"""What the browser tests do in a page besides clicking: watch its console,
log in, run axe-core, take a screenshot. Plain functions, not fixtures (those
are in conftest.py); the admin's step-by-step helpers are in admin_steps.py.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
AUTOSAVE_URL = re.compile(r"/admin/(pages/add/|pages/\d+/edit/|snippets/.+/(add|edit)/)")


def is_autosave_refusal(message):
    # Wagtail's editor autosaves as the person types; while required fields are
    # still empty the server answers 400 and the editor says so on screen.
    return "status of 400" in message.text and AUTOSAVE_URL.search(message.location.get("url", ""))


def watch_console(browser_page):
    """Collect console errors (CSP violations among them) and uncaught exceptions."""
    errors = []
    browser_page.on(
        "console",
        lambda m: errors.append(m.text) if m.type == "error" and not is_autosave_refusal(m) else None,
    )
    browser_page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    browser_page.console_errors = errors
    return browser_page


def log_in(browser_page, live_site, username, password=None):
    """Sign in through the admin's login form, as a person does."""
    from ciao.demo.site import DEMO_PASSWORD

    browser_page.goto(live_site + "/admin/login/")
    browser_page.get_by_label("Nome utente").fill(username)
    browser_page.get_by_label("Password").fill(password or DEMO_PASSWORD)
    browser_page.get_by_role("button", name="Accedi").click()
    browser_page.wait_for_url(live_site + "/admin/")


def axe_violations(browser_page, tags=("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")):
    """Run axe-core in the page (injected through DevTools, so the CSP stays on)."""
    browser_page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = browser_page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", list(tags))
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]
    ]


def screenshot(browser_page, name, **kwargs):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    browser_page.screenshot(path=str(path), full_page=True, **kwargs)
    return path
