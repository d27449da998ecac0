"""Excerpts of a text with the words a query matches in ``<mark>``.

The words are found by the index's own analysis, so "tirocinio" marks
"tirocini" and "citta" marks "città"; everything else is HTML-escaped.
"""

import html
import re

from whoosh.highlight import ContextFragmenter, Formatter, get_text, highlight

from . import analysis

# Line breaks separate fields and blocks (a step's title from its text); in an
# excerpt, where HTML would fold them into spaces, they are shown as this.
BREAK = " · "
_BREAKS_RE = re.compile(r"\s*\n\s*")
_SENTENCE_ENDS = (".", "!", "?", ":", ";", "\n")


class MarkFormatter(Formatter):
    """Matches in ``<mark>``, everything else HTML-escaped."""

    between = " … "

    def _text(self, text):
        return html.escape(_BREAKS_RE.sub(BREAK, text), quote=False)

    def format_token(self, text, token, replace=False):
        return f"<mark>{html.escape(get_text(text, token, replace), quote=False)}</mark>"

    def format_fragment(self, fragment, replace=False):
        formatted = super().format_fragment(fragment, replace)
        return formatted.removeprefix(BREAK).removesuffix(BREAK).strip()

    def format(self, fragments, replace=False):
        # An excerpt cut inside a sentence says so, as a reader would expect.
        formatted = super().format(fragments, replace)
        if not formatted:
            return formatted
        first, last = fragments[0], fragments[-1]
        if not _starts_cleanly(first.text, first.startchar):
            formatted = "… " + formatted
        if not _ends_cleanly(last.text, last.endchar):
            formatted += " …"
        return formatted


def _starts_cleanly(text, start):
    """Whether an excerpt from ``start`` begins a text, a line or a sentence."""
    before = text[:start].rstrip(" \t")
    return not before.strip() or before.endswith(_SENTENCE_ENDS)


def _ends_cleanly(text, end):
    """Whether an excerpt up to ``end`` ends a text, a line or a sentence."""
    after = text[end:]
    return not after.strip() or after.lstrip(" \t").startswith("\n") or text[:end].rstrip().endswith(_SENTENCE_ENDS)


def excerpt(text, terms, language, max_chars=240, fragments=2):
    """Escaped HTML: up to ``fragments`` passages of ``text`` (about
    ``max_chars`` characters each) where the index ``terms`` occur, marked;
    "" when none occurs."""
    analyzer = analysis.WordAnalyzer(language, "text")
    fragmenter = ContextFragmenter(maxchars=max_chars, surround=max_chars // 3)
    return highlight(text, terms, analyzer, fragmenter, MarkFormatter(), top=fragments)
