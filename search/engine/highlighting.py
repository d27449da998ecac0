"""Excerpts of a text with the words a query matches in ``<mark>``: whole sentences.

The words are found by the index's own analysis, so "tirocinio" marks
"tirocini" and "citta" marks "città"; everything else is HTML-escaped.
"""

import html
import re

from whoosh.highlight import Formatter, get_text

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


# Sentences end at a full stop, question or exclamation mark, semicolon or line.
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*")
# Shorter runs are labels (a tag, a comune, an indicator's name), not prose.
MIN_SENTENCE_WORDS = 4


def _sentences(text):
    return [s for s in (part.strip() for part in _SENTENCE_SPLIT_RE.split(text)) if s]


def _same_start(one, other, length=30):
    # A page's text often repeats its title as its first sentence.
    return one[:length].casefold() == other[:length].casefold()


def _render(sentence, hits, max_chars):
    """``sentence`` escaped with ``hits`` (regex matches) in ``<mark>``, cut to about ``max_chars`` around them."""
    start, end = 0, len(sentence)
    if end > max_chars:
        first = hits[0]
        start = max(0, first.start() - max_chars // 3)
        if start:
            space = sentence.find(" ", start, first.start())
            start = space + 1 if space >= 0 else first.start()
        end = min(start + max_chars, len(sentence))
        if end < len(sentence):
            space = sentence.rfind(" ", first.end(), end)
            end = space if space > 0 else max(end, first.end())
    out, position = [], start
    for hit in hits:
        if hit.start() < start or hit.end() > end:
            continue
        out.append(html.escape(sentence[position : hit.start()], quote=False))
        out.append(f"<mark>{html.escape(hit.group(), quote=False)}</mark>")
        position = hit.end()
    out.append(html.escape(sentence[position:end], quote=False))
    text = "".join(out).strip()
    return ("… " if start else "") + text + (" …" if end < len(sentence) else "")


def excerpt(texts, terms, language, max_chars=240, min_words=MIN_SENTENCE_WORDS):
    """Escaped HTML: the sentence of ``texts`` (field texts, preferred first)
    where most of the index ``terms`` occur, the matching words marked, and a
    second one if there is room; "" when no sentence of ``min_words`` words or
    more contains a term.

    Whole sentences from one field read as prose; a passage cut across fields
    reads as a list of labels.
    """
    normalise = analysis.normaliser(language, "text")
    candidates = []
    for field_order, text in enumerate(texts):
        for sentence_order, sentence in enumerate(_sentences(text or "")):
            matches = list(analysis.WORD_RE.finditer(sentence))
            if len(matches) < min_words:
                continue
            mapped = normalise.map([m.group() for m in matches])
            hits = [m for m, term in zip(matches, mapped, strict=True) if term in terms]
            if hits:
                found = {term for term in mapped if term in terms}
                candidates.append(((-len(found), field_order, sentence_order), sentence, hits))
    if not candidates:
        return ""
    candidates.sort(key=lambda candidate: candidate[0])
    _key, sentence, hits = candidates[0]
    parts = [_render(sentence, hits, max_chars)]
    room = max_chars - len(sentence)
    for _key, other, other_hits in candidates[1:]:
        if len(other) <= room and not _same_start(sentence, other):
            parts.append(_render(other, other_hits, room))
            break
    return " … ".join(parts)
