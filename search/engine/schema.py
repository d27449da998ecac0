"""The Whoosh schema: a few fixed fields plus typed families of columns.

Columns are named after the model field they hold and end in a suffix that
says their type, so one schema (with Whoosh "glob" fields) serves every model
and never needs migrating when a page type gains a field:

=========  ==============================================================
``*__t``   text of a ``SearchField``: analysed (stemmed), with positions
``*__p``   text of an ``AutocompleteField``: edge n-grams of each word
``*__v``   exact string values of a ``FilterField`` (one term per value)
``*__i``   integer-like values of a ``FilterField`` (ints, dates, booleans)
``*__f``   float values of a ``FilterField``
=========  ==============================================================

Fixed fields: ``text`` (every text column of the document in one, each word
weighted by its field's boost: what a search over all fields matches and
scores, see ``AllTextField``), ``pk`` (unique id, also a column to map hits to objects fast),
``ctype`` (the document's model and its indexed ancestors), ``nulls`` (the
filter columns that are empty for this document), ``digest`` (a column with
a hash of the document, to find stale entries) and ``spelling`` (the real
words of the documents, for "did you mean" suggestions; see ``spelling``).

The text columns index through ``index()`` methods written as one loop, since
Whoosh's generic token pipeline costs several times more per word.
"""

import struct
from array import array
from collections import Counter

from whoosh import columns, fields, formats

from . import analysis

_pack_count = struct.Struct("!I").pack
# Most words occur once in a field: their encoded position list is cached.
_ONE_POSITION = [_pack_count(1) + array("I", [pos]).tobytes() for pos in range(4096)]


class CompactPositions(formats.Positions):
    """``Positions`` stored as a raw array instead of a pickle (cheaper to write)."""

    def encode(self, poslist):
        if len(poslist) == 1 and poslist[0] < 4096:
            return _ONE_POSITION[poslist[0]]
        return _pack_count(len(poslist)) + array("I", poslist).tobytes()

    def decode_positions(self, valuestring):
        positions = array("I")
        positions.frombytes(valuestring[4:])
        return positions.tolist()

    def combine(self, vs):
        merged = set()
        for v in vs:
            merged.update(self.decode_positions(v))
        return self.encode(sorted(merged))


class TextField(fields.TEXT):
    """Analysed text with positions (for phrases), for one language."""

    def __init__(self, language):
        super().__init__(analyzer=analysis.WordAnalyzer(language, "text"))
        self.format = CompactPositions()
        self.language = language

    def index(self, value, **kwargs):
        return self.index_words(analysis.words(value))

    def index_words(self, words):
        """The postings of a text given as its words, in order (see ``analysis.words``).

        ``BulkSegmentWriter`` splits the text itself, to keep its words for the
        spelling dictionary.
        """
        terms = analysis.normaliser(self.language, "text").map(words)
        positions = {}
        pos = 0
        for term in terms:
            if term:
                found = positions.get(term)
                if found is None:
                    positions[term] = [pos]
                else:
                    found.append(pos)
                pos += 1
        encode = self.format.encode
        return [
            (term.encode("utf-8"), len(found), float(len(found)), encode(found)) for term, found in positions.items()
        ]


class AllTextField(fields.TEXT):
    """The text of every ``SearchField`` of a document in one column.

    Given as [(text, boost)], in the order of the model's search fields. Each
    occurrence of a word adds its field's boost to the word's weight, which is
    BM25's term frequency: the title counting double weighs as if the title
    were written twice, as BM25F proper has it. A search over all fields (the
    site search) then reads one posting list per word instead of one per word
    and column (about 40 for pages): at 20,000 pages /cerca/ went from a p95 of
    1.2 s to 0.28 s with this alone. The per-field columns stay, for searches
    over named fields and for excerpts.

    Positions jump by ``FIELD_GAP`` from one field to the next, so a phrase
    never runs from the end of one field into the next.
    """

    FIELD_GAP = 100

    def __init__(self, language):
        super().__init__(analyzer=analysis.WordAnalyzer(language, "text"))
        self.format = CompactPositions()
        self.language = language

    def index(self, value, **kwargs):
        normalise = analysis.normaliser(self.language, "text")
        positions = {}
        weights = {}
        pos = 0
        for text, boost in value:
            for term in normalise.map(analysis.words(text)):
                if term:
                    found = positions.get(term)
                    if found is None:
                        positions[term] = [pos]
                        weights[term] = boost
                    else:
                        found.append(pos)
                        weights[term] += boost
                    pos += 1
            pos += self.FIELD_GAP
        encode = self.format.encode
        return [
            (term.encode("utf-8"), len(found), float(weights[term]), encode(found)) for term, found in positions.items()
        ]


class PrefixField(fields.TEXT):
    """Edge n-grams of each (folded) word, for autocomplete."""

    def __init__(self, language):
        super().__init__(analyzer=analysis.WordAnalyzer(language, "prefix", ngrams=True), phrase=False)
        self.language = language

    def index(self, value, **kwargs):
        words = Counter(analysis.WORD_RE.findall(value))
        normalise = analysis.normaliser(self.language, "prefix")
        counts = Counter()
        for term, count in zip(normalise.map(list(words)), words.values(), strict=True):
            for size in range(analysis.NGRAM_MIN, min(len(term), analysis.NGRAM_MAX) + 1):
                counts[term[:size]] += count
        return [(gram.encode("utf-8"), count, float(count), _pack_count(count)) for gram, count in counts.items()]


class ValueField(fields.FieldType):
    """Exact string values, one term each; accepts a string or a list."""

    def __init__(self):
        self.analyzer = analysis.ValueListAnalyzer()
        self.format = formats.Existence()
        self.scorable = False
        self.stored = False
        self.unique = False
        self.vector = None

    def index(self, value, **kwargs):
        items = [value] if isinstance(value, str) else set(value)
        return [(item.encode("utf-8"), 1, 1.0, b"") for item in items]


class LexiconField(fields.FieldType):
    """Words with their counts, given as a dict: the spelling dictionary."""

    def __init__(self):
        self.analyzer = analysis.ValueListAnalyzer()
        self.format = formats.Frequency()
        self.scorable = False
        self.stored = False
        self.unique = False
        self.vector = None

    def index(self, value, **kwargs):
        return [(word.encode("utf-8"), count, float(count), _pack_count(count)) for word, count in value.items()]


class IntField(fields.NUMERIC):
    """64-bit integers, one exact term per value (a list gives several)."""

    def __init__(self):
        # No shifted "trie" terms: exact lookups, the common case, stay cheap
        # to index; ranges enumerate the terms they cover.
        super().__init__(int, bits=64, signed=True, shift_step=0)

    def index(self, num, **kwargs):
        values = set(num) if isinstance(num, (list, tuple)) else (num,)
        return [(self.to_bytes(n), 1, 1.0, b"") for n in values]


class GlobSchema(fields.Schema):
    """A ``Schema`` that remembers which glob field each column name matched.

    Whoosh matches a name against every glob pattern, with a regular
    expression each, on every lookup; a search looks columns up several
    times per term and segment (a sixth of a search's time before this).
    """

    def __getitem__(self, name):
        resolved = self.__dict__.setdefault("_resolved", {})
        field = resolved.get(name)
        if field is None:
            field = resolved[name] = super().__getitem__(name)
        return field

    def add(self, *args, **kwargs):
        self.__dict__.pop("_resolved", None)
        super().add(*args, **kwargs)

    def remove(self, *args, **kwargs):
        self.__dict__.pop("_resolved", None)
        super().remove(*args, **kwargs)

    def __getstate__(self):
        # Pickled into the index's table of contents: without the memo.
        state = dict(self.__dict__)
        state.pop("_resolved", None)
        return state


ALL_TEXT = "text"


def build_schema(language):
    """The schema of a new index whose text is analysed for ``language``."""
    schema = GlobSchema(
        text=AllTextField(language),
        pk=fields.ID(unique=True, sortable=True),
        ctype=ValueField(),
        nulls=ValueField(),
        digest=fields.COLUMN(columns.VarBytesColumn()),
        spelling=LexiconField(),
    )
    schema.add("*__t", TextField(language), glob=True)
    schema.add("*__p", PrefixField(language), glob=True)
    schema.add("*__v", ValueField(), glob=True)
    schema.add("*__i", IntField(), glob=True)
    schema.add("*__f", fields.NUMERIC(float, bits=64, shift_step=0), glob=True)
    return schema


def schema_language(schema):
    """The language an existing index was analysed with."""
    return schema["x__t"].language
