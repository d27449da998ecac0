"""What text a practice may hold: plain text without markup, rich text within an allowlist.

The admin's rich text editor only ever produces the allowlisted markup; these
checks matter for text arriving by other roads (the JSON import). Hostile markup
is refused with a message naming what was found, rather than silently dropped,
so the person importing knows the record changed.
"""

import re
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ciao.sanitize import RICH_TEXT_ATTRIBUTES, RICH_TEXT_TAGS

SAFE_URL_SCHEMES = ("http://", "https://", "mailto:", "tel:", "/", "#")

SUMMARY_MAX_WORDS = 100
TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>|<!--|<!\[CDATA\[|<\?")
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


def word_count(text):
    return len(WORD_RE.findall(text or ""))


def validate_summary_length(value):
    words = word_count(value)
    if words > SUMMARY_MAX_WORDS:
        raise ValidationError(
            ngettext(
                "Al massimo %(max)d parole: questo testo ne ha %(count)d.",
                "Al massimo %(max)d parole: questo testo ne ha %(count)d.",
                words,
            )
            % {"max": SUMMARY_MAX_WORDS, "count": words},
            code="too_many_words",
        )


def validate_plain_text(value):
    """Refuse markup in plain-text fields: it would show as code to the reader."""
    if value and TAG_RE.search(value):
        raise ValidationError(
            _("Scrivi solo testo semplice, senza codice HTML (trovato «%(found)s»)."),
            code="markup",
            params={"found": TAG_RE.search(value).group(0)[:30]},
        )


class _MarkupAudit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in RICH_TEXT_TAGS:
            self.problems.append(f"<{tag}>")
            return
        allowed = RICH_TEXT_ATTRIBUTES.get(tag, [])
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f"<{tag} {name}>")
            elif name == "href" and not (value or "").strip().lower().startswith(SAFE_URL_SCHEMES):
                self.problems.append(f'<{tag} href="{(value or "")[:30]}">')

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        self.problems.append("<!-- -->")

    def handle_decl(self, decl):
        self.problems.append(f"<!{decl[:20]}>")

    def handle_pi(self, data):
        self.problems.append(f"<?{data[:20]}>")


def disallowed_markup(html):
    """The tags, attributes and links in ``html`` that rich text may not hold."""
    audit = _MarkupAudit()
    audit.feed(html or "")
    audit.close()
    return list(dict.fromkeys(audit.problems))


def validate_rich_text(value):
    problems = disallowed_markup(value)
    if problems:
        raise ValidationError(
            _("Contiene codice HTML non ammesso: %(found)s."),
            code="markup",
            params={"found": ", ".join(problems[:5])},
        )


def format_quantity(value):
    """A decimal as Italians write it, without trailing zeros: 1.200 and 48,5, not 48.50."""
    if value is None:
        return ""
    value = int(value) if value == value.to_integral_value() else value.normalize()
    return number_format(value, force_grouping=True)
