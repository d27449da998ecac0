"""Our plainer Italian for Wagtail's words is compiled and in force."""

import re
from pathlib import Path

from django.utils import translation

CATALOGUE = Path(__file__).resolve().parents[2] / "ciao" / "locale_overrides" / "it" / "LC_MESSAGES" / "django.po"


def po_entries(text):
    """msgid -> msgstr of a .po file (multi-line strings joined), header left out."""
    entries, current, key = {}, {}, None
    for line in text.splitlines() + [""]:
        match = re.match(r'^(msgid|msgstr) "(.*)"$', line)
        if match:
            key = match.group(1)
            current[key] = match.group(2)
        elif line.startswith('"') and key:
            current[key] += line[1:-1]
        elif not line.strip() and current:
            if current.get("msgid"):
                entries[current["msgid"]] = current["msgstr"]
            current, key = {}, None
    return {k.replace('\\"', '"'): v.replace('\\"', '"') for k, v in entries.items()}


def test_every_entry_of_the_catalogue_is_what_the_site_says():
    entries = po_entries(CATALOGUE.read_text(encoding="utf-8"))
    assert "Maximum filesize: %(max_upload_size)s." in entries
    with translation.override("it"):
        assert {msgid: translation.gettext(msgid) for msgid in entries} == entries
