"""The admin's forms work under the site's Content-Security-Policy, for the people who use them.

Each role opens its "add" form the way it does in real life (the dashboard's
buttons, the Vocabolari menu): every chooser opens its modal, every «Aggiungi»
of an inline panel adds a row, and the console stays free of CSP violations
and JavaScript errors (the ``page`` fixture fails the test otherwise).
"""

import pytest

from .admin_steps import exercise_every_chooser_and_inline_panel
from .helpers import log_in, screenshot

DASHBOARD_FORMS = [
    # role, dashboard button, at least (choosers, inline panels)
    ("operatrice", "Nuova buona pratica", (4, 3)),
    ("formatore", "Nuovo materiale", (3, 3)),
    ("redazione", "Nuovo evento", (3, 1)),
]


@pytest.mark.parametrize(("username", "button", "minimum"), DASHBOARD_FORMS)
def test_every_chooser_and_add_button_works_on_the_add_form(live_site, page, username, button, minimum):
    log_in(page, live_site, username)
    page.get_by_role("link", name=button).click()
    page.wait_for_load_state()
    found, opened, add_found, added = exercise_every_chooser_and_inline_panel(page)
    screenshot(page, f"admin-add-form-{username}")
    assert found >= minimum[0] and add_found >= minimum[1]
    assert opened == found, f"{found - opened} of {found} choosers did not open"
    assert added == add_found, f"{add_found - added} of {add_found} «Aggiungi» buttons added no row"


def test_the_comune_form_chooses_its_ambito(live_site, page):
    log_in(page, live_site, "admin")
    page.get_by_role("button", name="Vocabolari").click()
    page.get_by_role("link", name="Comuni", exact=True).click()
    page.get_by_role("link", name="Aggiungi comune").click()
    page.wait_for_load_state()
    assert exercise_every_chooser_and_inline_panel(page) == (1, 1, 0, 0)
