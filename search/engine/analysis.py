"""Text analysis: how words become index terms, for each language.

One analyzer class does the whole chain in a single loop (tokenize, lowercase,
fold accents, drop stop words, stem: a light stemmer of our own for Italian,
Snowball's for other languages) instead of chaining Whoosh filters. The
expensive steps (folding and stemming, pure Python) depend only on
the word, so their result is memoised per word: Italian text repeats its
vocabulary heavily and indexing throughput depends on it.

Folding happens *before* stemming, so that a word and its unaccented spelling
("città", "citta") are the same string by the time the stemmer sees them and
always give the same term.
"""

import functools
import re
import unicodedata

from whoosh.analysis import Analyzer, Token
from whoosh.lang import NoStemmer, NoStopWords, stemmer_for_language, stopwords_for_language

# Changes whenever a text gives different terms than before: indexes built
# before then need rebuilding (``search_check`` reports their documents stale).
VERSION = 2

# Letters and digits; apostrophes, hyphens and everything else separate words,
# so "dell'inclusione" gives "dell" (a stop word) and "inclusione". Except
# that an abbreviation written with dots ("A.S.S.E.MI.", "C.P.I.", "S.p.A.")
# is one word, without its dots: "assemi", "cpi", "spa".
WORD_RE = re.compile(r"\b[^\W\d_]{1,3}(?:\.[^\W\d_]{1,3}(?![^\W\d_]))+\.?|\w+", re.UNICODE)

# Edge n-grams for autocomplete: "Py" must find "Python"; query words longer
# than the longest gram are cut to it (a slightly wider match, never a miss).
NGRAM_MIN = 1
NGRAM_MAX = 20

# Beyond this many distinct words the memo is dropped and refilled, so a
# process that indexes unusual text for days cannot grow without limit.
MEMO_LIMIT = 500_000

# Elided articles and prepositions that the Snowball lists spell out only in
# part ("dell'", "quest'", "c'è").
EXTRA_STOPWORDS = {
    "it": {"d", "m", "s", "t", "v", "n", "un", "nell", "coll", "quest", "quell", "po"},
}


def fold(word):
    """Lowercase ``word`` and strip its accents: "Perché" -> "perche"."""
    word = word.casefold()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _stemmer(language):
    if language in LIGHT_STEMMERS:
        return LIGHT_STEMMERS[language]
    try:
        return stemmer_for_language(language)
    except NoStemmer:
        return None


def _stopwords(language, folded):
    try:
        words = set(stopwords_for_language(language))
    except NoStopWords:
        words = set()
    words |= EXTRA_STOPWORDS.get(language, set())
    if folded:
        words = {fold(w) for w in words}
    return frozenset(words)


def italian_light_stem(term):
    """Italian plural and gender endings off a folded word, and nothing more.

    Snowball's Italian stemmer also strips derivational suffixes, so it joins
    words that mean different things: "comunità" and "comuni" (both "comun"),
    "attività" and "attivazione" ("attiv"). Like Savoy's light stemmer (the one
    Lucene ships as ItalianLightStemmer) this only removes the final vowel, and
    the "i" or "h" that a plural keeps before it: tirocinio/tirocini, amica/
    amiche, famiglia/famiglie, laboratorio/laboratori meet; casa and casi, too
    short to judge, stay apart. Feminine agent nouns meet their masculine:
    operatrice/operatore.
    """
    if len(term) < 5:
        return term
    last, before = term[-1], term[-2]
    if last in "ei":
        term = term[:-2] if before in "ih" else term[:-1]
    elif last in "ao":
        term = term[:-2] if before == "i" else term[:-1]
    if term.endswith("tric"):
        term = term[:-4] + "tor"
    return term


# Stemmers of our own, in place of Snowball's, per language.
LIGHT_STEMMERS = {"it": italian_light_stem}


class _Normaliser:
    """word -> term, memoised in ``memo`` (where a stop word maps to "")."""

    def __init__(self, language, kind):
        self.kind = kind
        self.stem = _stemmer(language) if kind == "text" else None
        self.stopwords = _stopwords(language, folded=kind != "spelling")
        self.memo = {}

    def _compute(self, word):
        word = word.replace(".", "")  # an abbreviation (see WORD_RE)
        if self.kind == "spelling":
            term = word.casefold()
            return "" if term in self.stopwords else term
        term = fold(word)
        if self.kind == "text":
            if term in self.stopwords:
                return ""
            if self.stem is not None:
                term = self.stem(term) or term
        return term

    def __call__(self, word):
        """The term of ``word``, or None for a stop word."""
        term = self.memo.get(word)
        if term is None:
            self.learn((word,))
            term = self.memo[word]
        return term or None

    def learn(self, words):
        """Make sure every word of ``words`` is in ``memo``."""
        memo = self.memo
        missing = set(words).difference(memo)
        if missing:
            if len(memo) + len(missing) > MEMO_LIMIT:
                memo.clear()
                missing = set(words)
            for word in missing:
                memo[word] = self._compute(word)

    def map(self, words):
        """The terms of ``words`` in order, "" for stop words."""
        mapped = list(map(self.memo.get, words))
        if None in mapped:
            self.learn(words)
            memo = self.memo
            # (Another thread may have emptied the memo meanwhile.)
            mapped = [memo[w] if w in memo else self._compute(w) for w in words]
        return mapped


@functools.cache
def normaliser(language, kind):
    """The word normaliser for ``language`` and ``kind``, one per process.

    ``kind`` is "text" (folded, stop words dropped, stemmed), "spelling"
    (lowercase real words, stop words dropped) or "prefix" (folded only).
    Shared because its memo is what makes analysis fast; the memo is a pure
    cache (a word always gives the same term), so sharing changes no result.
    """
    return _Normaliser(language, kind)


class WordAnalyzer(Analyzer):
    """A Whoosh analyzer for one language and kind (see ``normaliser``).

    With ``ngrams`` (autocomplete fields), indexing emits the leading edge
    n-grams of each word; queries are analysed without them.

    Only ``language``, ``kind`` and ``ngrams`` are pickled into the index's
    schema; the memo lives in the process.
    """

    def __init__(self, language="it", kind="text", ngrams=False):
        self.language = language
        self.kind = kind
        self.ngrams = ngrams

    def __repr__(self):
        return f"WordAnalyzer({self.language!r}, {self.kind!r}, ngrams={self.ngrams!r})"

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        mode="",
        **kwargs,
    ):
        normalise = normaliser(self.language, self.kind)
        token = Token(positions, chars, removestops=removestops, mode=mode)
        token.boost = 1.0
        token.stopped = False
        edge = self.ngrams and mode == "index"
        pos = start_pos
        for match in WORD_RE.finditer(value):
            word = match.group()
            term = normalise(word)
            if term is None:
                continue
            if keeporiginal:
                token.original = word
            if positions:
                token.pos = pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            pos += 1
            if edge:
                for size in range(NGRAM_MIN, min(len(term), NGRAM_MAX) + 1):
                    token.text = term[:size]
                    yield token
            else:
                token.text = term[:NGRAM_MAX] if self.ngrams else term
                yield token


class ValueListAnalyzer(Analyzer):
    """Index each item of a list (or a single string) as one exact term.

    Used for string filter values, which may contain spaces or be lists
    (many-to-many relations).
    """

    def __call__(self, value, positions=False, chars=False, mode="", **kwargs):
        token = Token(positions, chars, mode=mode)
        token.boost = 1.0
        token.stopped = False
        items = [value] if isinstance(value, str) else value
        for pos, item in enumerate(items):
            token.text = item
            if positions:
                token.pos = pos
            yield token


def terms(text, language, kind="text"):
    """The terms ``text`` gives for ``language`` and ``kind``, in order.

    Never raises: anything that is not a letter or digit (quotes, operators,
    emoji, NUL) simply separates words.
    """
    mapped = normaliser(language, kind).map(WORD_RE.findall(text))
    if kind == "prefix":
        return [term[:NGRAM_MAX] for term in mapped if term]
    return [term for term in mapped if term]


def words(text):
    """The words of ``text`` as typed (case and accents kept), in order."""
    return WORD_RE.findall(text)
