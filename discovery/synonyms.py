"""Synonyms and abbreviations of the site search, kept by the redazione (``SearchSynonym``).

A query is read as a sequence of units: a word, or a run of words that an
entry names ("curriculum vitae"). A unit with synonyms matches any of them;
the words typed keep a small advantage over their synonyms, so "curriculum"
finds pages that say "curriculum" before those that only say "cv".

Words are compared lowercase and without accents, as the index compares them.
The entries are read once per ``CACHE_SECONDS`` per process, and again at once
in the process that saves or deletes one.
"""

import re

from django.core.cache import cache

from search.engine import analysis

CACHE_KEY = "discovery:synonyms"
CACHE_SECONDS = 300
WORD_RE = analysis.WORD_RE  # words as the index reads them: "C.P.I." is one
QUOTED_RE = re.compile(r'["“«]([^"“”«»]+)["”»]')


def split_terms(text):
    """The comma-separated terms of an entry, each with its spaces tidied."""
    return [" ".join(term.split()) for term in (text or "").split(",") if term.strip()]


def _fold(word):
    # As the index reads a word: "C.P.I." is "cpi", "Identità" "identita".
    return analysis.fold(word.replace(".", ""))


def _key(term):
    return tuple(_fold(word) for word in WORD_RE.findall(term))


def build_table(entries):
    """{folded words of a term: [alternative terms]} from ``(terms, also)`` pairs."""
    table = {}
    for terms_text, also_text in entries:
        terms, also = split_terms(terms_text), split_terms(also_text)
        for term in terms:
            key = _key(term)
            if not key:
                continue
            alternatives = also if also else [t for t in terms if t != term]
            found = table.setdefault(key, [])
            found.extend(a for a in alternatives if a not in found and _key(a) != key)
    return table


def table():
    """The synonym table of the redazione's entries (cached)."""
    found = cache.get(CACHE_KEY)
    if found is None:
        from .models import SearchSynonym

        found = build_table(SearchSynonym.objects.values_list("terms", "also"))
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def forget(**kwargs):
    """Read the entries again at the next search (a signal receiver too)."""
    cache.delete(CACHE_KEY)


def units(query, synonyms):
    """``query`` as [(words typed, [their synonyms])]: a quoted run of words is one
    unit (a phrase), the other words are grouped by the longest entries they match."""
    found, position = [], 0
    for match in QUOTED_RE.finditer(query):
        found += _word_units(query[position : match.start()], synonyms)
        words = WORD_RE.findall(match.group(1))
        if words:
            found.append((" ".join(words), synonyms.get(tuple(_fold(w) for w in words), [])))
        position = match.end()
    return found + _word_units(query[position:], synonyms)


def _word_units(query, synonyms):
    words = WORD_RE.findall(query)
    folded = [_fold(w) for w in words]
    longest = max((len(key) for key in synonyms), default=0)
    found = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            alternatives = synonyms.get(tuple(folded[i : i + size]))
            if alternatives:
                found.append((" ".join(words[i : i + size]), alternatives))
                i += size
                break
        else:
            found.append((words[i], []))
            i += 1
    return found


def words_and_synonyms(query):
    """``query``'s words followed by their synonyms: what an excerpt marks."""
    found = [query]
    for _typed, alternatives in units(query, table()):
        found.extend(alternatives)
    return " ".join(found)
