"""What this backend offers beyond modelsearch's API: highlighting, spelling
suggestions and the key terms of an object (for "more like this").

``search.extras`` is the public face of these; views should use that.
"""

import math
import os
from collections import Counter

from modelsearch.query import MatchAll
from whoosh.support.levenshtein import damerau_levenshtein

from ..engine import analysis, highlighting
from ..engine.schema import schema_language
from .mapping import mapping_for, searchable_columns
from .query import WhooshSearchQueryCompiler
from .results import allowed_docnums

# Query words beyond this are not corrected (nor highlighted).
MAX_WORDS = 12


def _common_prefix(one, other):
    return len(os.path.commonprefix([one, other]))


class Features:
    """Helpers bound to one index of a ``WhooshSearchBackend``."""

    def __init__(self, backend, model):
        self.model = model
        self.index = backend.get_index_for_model(model)

    def _reader(self):
        reader = self.index.store.searcher()
        return reader, schema_language(reader.schema)

    # Highlighting

    def highlight(self, texts, query, max_chars=240, min_words=highlighting.MIN_SENTENCE_WORDS):
        """Escaped HTML excerpt of ``texts`` (field texts, preferred first): the
        sentences where the words of ``query`` occur, in ``<mark>``; "" when no
        sentence of ``min_words`` words or more has them."""
        if not any(texts) or not query:
            return ""
        reader, language = self._reader()
        terms = set(analysis.terms(query, language)[: MAX_WORDS * 4])
        if not terms:
            return ""
        return highlighting.excerpt(texts, terms, language, max_chars=max_chars, min_words=min_words)

    # Spelling

    def _popularity(self, reader, language, word, allowed):
        """In how many of the ``allowed`` documents the word's term occurs (any text column)."""
        terms = analysis.terms(word, language)
        if not terms:
            return 0
        r = reader.reader
        term = terms[0]
        found = set()
        for column, _boost in searchable_columns(self.model):
            if (column, term) in r:
                found.update(r.postings(column, term).all_ids())
        return len(found & allowed)

    def spelling_suggestion(self, query, queryset=None):
        """``query`` with its unknown words replaced by the closest known words,
        or None if there is nothing better to suggest.

        Words count as known only in the documents ``queryset`` allows (by
        default every document of the model): a word that only an unpublished
        or private object contains is neither suggested nor taken as known.
        """
        reader, language = self._reader()
        words = analysis.words(query)[:MAX_WORDS]
        r = reader.reader
        if not words or "spelling" not in r.indexed_field_names():
            return None
        compiler = WhooshSearchQueryCompiler(
            queryset if queryset is not None else self.model._default_manager.all(), MatchAll()
        )
        allowed = allowed_docnums(reader, compiler)
        changed = False
        corrected = []
        for word in words:
            replacement = word
            if len(word) > 2 and not word.isdigit() and not self._popularity(reader, language, word, allowed):
                replacement = self._closest(reader, language, word, allowed) or word
            changed = changed or replacement != word
            corrected.append(replacement)
        return " ".join(corrected) if changed else None

    def _closest(self, reader, language, word, allowed):
        target = word.casefold()
        maxdist = 1 if len(target) <= 4 else 2
        best = None
        for distance in range(1, maxdist + 1):
            candidates = set(reader.reader.terms_within("spelling", target, distance, prefix=1))
            candidates.discard(target)
            scored = [(self._popularity(reader, language, c, allowed), c) for c in candidates]
            scored = [(p, c) for p, c in scored if p > 0]
            if scored:
                # Whoosh counts two swapped letters as two edits: "starda" is as
                # far from "stanza" as from "strada". Counting a swap as one
                # edit ranks first; then, as typos fall more often late in a
                # word than at its start, the candidate sharing the longest
                # beginning ("satoria": "sartoria", not "storia"); then the most
                # common; then alphabetical order.
                best = min(
                    scored,
                    key=lambda pc: (damerau_levenshtein(target, pc[1]), -_common_prefix(target, pc[1]), -pc[0], pc[1]),
                )[1]
                break
        return best

    # More like this

    def key_words(self, obj, count=8):
        """The words that best characterise ``obj``: [(word, weight)], best first.

        Frequent in the object, rare in the index (tf-idf), one word per term.
        """
        reader, language = self._reader()
        texts = mapping_for(type(obj)).texts(obj)
        columns = list(texts)
        text = "\n".join(texts.values())
        normalise = analysis.normaliser(language, "text")
        words = analysis.WORD_RE.findall(text)
        frequencies = Counter()
        example = {}
        for word, term in zip(words, normalise.map(words), strict=True):
            if term and len(term) > 2 and not term.isdigit():
                frequencies[term] += 1
                example.setdefault(term, word.casefold())
        r = reader.reader
        total = max(r.doc_count(), 1)
        scored = []
        for term, frequency in frequencies.items():
            df = sum(r.doc_frequency(c, term) for c in columns if (c, term) in r)
            if df <= 1:
                continue  # only in this object: finds nothing else
            scored.append((frequency * math.log(total / df), example[term]))
        scored.sort(reverse=True)
        return [(word, weight) for weight, word in scored[:count]]
