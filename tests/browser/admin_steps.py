"""What a person does in Wagtail's admin, step by step, for the browser tests.

Each step uses what a person sees (button and tab names, labels), not ids,
so a test breaks when the screen a contributor meets changes.
"""

import re

from playwright.sync_api import Error as PlaywrightError

MODAL = ".modal[role=dialog]:visible .modal-content"


def field(scope, label, role="textbox"):
    """A form field by its label, required («Titolo*») or not."""
    return scope.get_by_role(role, name=re.compile(rf"^{re.escape(label)}\*?$"))


def type_date(scope, label, value):
    """Type a date, then click on an empty corner of the screen: the calendar pop-up closes."""
    date_field = field(scope, label)
    date_field.fill(value)
    page = date_field.page
    page.mouse.click(2, 2)
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for(state="hidden")


def open_tab(page, name):
    page.get_by_role("tab", name=name, exact=True).click()


def choose(page, button_name, choice, search=None):
    """Open a chooser by its button, optionally search, and pick ``choice``; the modal closes."""
    page.get_by_role("button", name=button_name, exact=True).first.click()
    modal = page.locator(MODAL)
    modal.wait_for()
    if search:
        modal.get_by_role("textbox", name="Cerca termine").fill(search)
        modal.get_by_role("link", name=choice, exact=True).first.wait_for()
    modal.get_by_role("link", name=choice, exact=True).first.click()
    modal.wait_for(state="hidden")


def upload_in_chooser(page, button_name, path, title):
    """Open a document or image chooser, upload a file in its «Carica» tab; return the modal."""
    page.get_by_role("button", name=button_name, exact=True).last.click()
    modal = page.locator(MODAL)
    modal.wait_for()
    modal.get_by_role("tab", name="Carica").click()
    upload_form = modal.locator("form[enctype='multipart/form-data']")
    upload_form.locator("input[type=file]").set_input_files(str(path))
    upload_form.get_by_label("Titolo").fill(title)
    upload_form.locator("button[type=submit], input[type=submit]").first.click()
    return modal


def add_row(page, button_name):
    """Click an inline panel's «Aggiungi ...» button; return the new row."""
    # Wagtail writes the row's label as given («Aggiungi Passo»): match regardless of case.
    button = page.get_by_role("button", name=re.compile(f"^{re.escape(button_name)}$", re.I))
    prefix = button.get_attribute("id").removeprefix("id_").removesuffix("-ADD")
    rows = page.locator(f"#id_{prefix}-FORMS > [data-inline-panel-child]:visible")
    before = rows.count()
    button.click()
    page.wait_for_function(
        "([selector, before]) => document.querySelectorAll(selector).length > before",
        arg=[f"#id_{prefix}-FORMS > [data-inline-panel-child]:not(.deleted)", before],
    )
    return rows.nth(before)


def fill_rich_text(page, field_name, text):
    """Type into a Draftail editor, as a person does (it has no form field to fill)."""
    editor = page.locator(f"[data-contentpath='{field_name}'] [contenteditable=true]")
    editor.click()
    editor.press_sequentially(text)


def tick(page, scope, label):
    """Tick a checkbox by its label.

    Playwright clicks where the box was when it last looked; if the form is
    still moving (a date picker fading out above it), the click can miss, as
    a person's would, and Playwright says the state did not change. A person
    looks again and clicks once more; so does this step, once.
    """
    checkbox = page.locator(scope).get_by_label(label, exact=True)
    try:
        checkbox.check()
    except PlaywrightError as error:
        if "did not change its state" not in str(error):
            raise
        checkbox.check()


def footer_action(page, name):
    """A save/publish/submit button of the editor's footer, opening its menu if needed."""
    footer = page.locator("footer")
    button = footer.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        footer.get_by_role("button", name="Altre azioni").click()
        button.wait_for()
    return button


def footer_actions(page):
    """The names of every action the footer offers (its menu opened, then closed again)."""
    footer = page.locator("footer")
    toggle = footer.get_by_role("button", name="Altre azioni")
    toggle.click()
    footer.locator("[data-w-dropdown-target=content]").first.wait_for()
    names = [name.strip() for name in footer.locator("button:visible").all_inner_texts()]
    toggle.click()
    footer.locator("[data-w-dropdown-target=content]").first.wait_for(state="hidden")
    return [name for name in names if name and name != "Altre azioni"]


def success_message(page):
    message = page.locator(".messages .success, .messages li.success")
    message.first.wait_for()
    return re.sub(r"\s+", " ", message.first.inner_text()).strip()


def exercise_every_chooser_and_inline_panel(page):
    """Open every chooser of the form (in every tab) and click every «Aggiungi» of its inline panels.

    Returns (choosers found, choosers that opened, add buttons found, add buttons that added a row).
    """
    tabs = page.locator("[role=tablist] [role=tab]")
    found = opened = add_found = added = 0
    for i in range(max(tabs.count(), 1)):
        if tabs.count():
            tabs.nth(i).click()
        add_buttons = page.locator('button[id$="-ADD"]:visible')
        for j in range(add_buttons.count()):
            add_found += 1
            prefix = add_buttons.nth(j).get_attribute("id").removeprefix("id_").removesuffix("-ADD")
            rows = page.locator(f"#id_{prefix}-FORMS > [data-inline-panel-child]:visible")
            before = rows.count()
            add_buttons.nth(j).click()
            try:
                page.wait_for_function(
                    "([selector, before]) => document.querySelectorAll(selector).length > before",
                    arg=[f"#id_{prefix}-FORMS > [data-inline-panel-child]", before],
                    timeout=3000,
                )
                added += 1
            except Exception:  # noqa: BLE001, S110 - counted as a button that did nothing
                pass
        choosers = page.locator("button[data-chooser-action-choose].chooser__choose-button:visible")
        for j in range(choosers.count()):
            found += 1
            choosers.nth(j).click()
            modal = page.locator(MODAL)
            try:
                modal.wait_for(timeout=5000)
                opened += 1
                modal.locator("button.close, [data-bs-dismiss=modal]").first.click()
                modal.wait_for(state="hidden")
            except Exception:  # noqa: BLE001, S110 - counted as a chooser that did not open
                pass
    return found, opened, add_found, added
