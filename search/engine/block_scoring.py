"""Scoring a whole query a block of postings at a time.

Whoosh scores a query one posting at a time, through a tree of matchers that
each move, compare and add in Python; a search for two common words with a
phrase bonus over 20,000 pages took 170 ms there, most of it the phrase. Here
the words of a query are read a block of postings at a time into
``{docnum: score}`` dicts, which ``and`` and ``or`` combine with set
operations; a phrase is checked, from the positions, only in the documents
that have all its words.

The scores are Whoosh's BM25F (the same formula, the same float32 weights and
global statistics, see ``scoring.FastBM25F``). A query of any other shape
(prefix, fuzzy, ranges, ``Not``) gets ``None``: the caller asks Whoosh.

This reads the postings through private parts of Whoosh 2.7's block
matcher (``_read_ids``, ``_read_weights``, ``_data``) and of its ``ListMatcher``
(short posting lists): any other matcher also gets ``None``.
"""

from array import array

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.mcore import ListMatcher

from .schema import CompactPositions
from .scoring import _BYTE_TO_LENGTH, FastBM25F


def _decoded(encoded):
    # CompactPositions: a 4-byte count, then the positions as an array("I").
    positions = array("I")
    positions.frombytes(encoded[4:])
    return positions


def _blocks(matcher):
    """(ids, weights, encoded values) of each block of a term's postings in one segment."""
    if type(matcher) is ListMatcher:
        # A short posting list, kept by Whoosh in the term's entry.
        ids = matcher._ids
        weights = [matcher._all_weights] * len(ids) if matcher._all_weights else matcher._weights or [1.0] * len(ids)
        yield ids, weights, matcher._values
        return
    if type(matcher) is not W3LeafMatcher:
        raise Unsupported(type(matcher))
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        yield matcher._ids, matcher._weights, matcher._data[2]
        matcher._next_block()


class Memo:
    """The scores of words and phrases of recent queries, up to ``POSTINGS`` documents in all (about 10 MB with their positions)."""

    POSTINGS = 100_000

    def __init__(self):
        self.values = {}
        self.postings = 0

    def get(self, key):
        return self.values.get(key)

    def put(self, key, value):
        size = len(value[0] if isinstance(value, tuple) else value)
        if size <= self.POSTINGS:
            if self.postings + size > self.POSTINGS:
                self.values.clear()
                self.postings = 0
            self.values[key] = value
            self.postings += size
        return value


class Unsupported(Exception):
    """A query (or an index) this module does not score: Whoosh does."""


def scores(searcher, query, memo=None):
    """{docnum: score} of every document ``query`` matches (deleted ones left out), or None.

    ``memo``: a ``Memo`` kept by the caller while the index is unchanged (the
    site search asks for all the words, then for some: the same words and
    phrase). Its values are shared: nothing here modifies them, nor may the caller.
    """
    if not isinstance(searcher.weighting, FastBM25F):
        return None
    try:
        return _Evaluation(searcher, Memo() if memo is None else memo).run(query)
    except Unsupported:
        return None


def top(found, allowed, limit):
    """[(docnum, score)] of the ``allowed`` documents of ``found``, best first (ties: lower docnum first, as Whoosh)."""
    ranked = sorted(found.keys() & allowed if allowed is not None else found)
    # Stable: equal scores keep the docnum order (no tuple per document as a sort key).
    ranked.sort(key=found.__getitem__, reverse=True)
    if limit is not None:
        ranked = ranked[:limit]
    return [(d, found[d]) for d in ranked]


class _Evaluation:
    def __init__(self, searcher, memo):
        self.searcher = searcher
        self.weighting = searcher.weighting
        self.leaves = searcher.leaf_searchers()
        self.memo = memo

    def remembered(self, key, compute):
        found = self.memo.get(key)
        if found is None:
            found = self.memo.put(key, compute())
        return found

    def run(self, query):
        kind = type(query)
        if kind is wq.Term:
            found = self.term(query.fieldname, query.text)[0]
        elif kind is wq.And:
            found = self.conjunction([self.run(q) for q in query.subqueries])
        elif kind is wq.Or and not query.minmatch and query.scale is None:
            found = self.disjunction([self.run(q) for q in query.subqueries])
        elif kind is wq.Phrase and query.slop == 1:
            words = tuple(query.words)
            found = self.remembered(("phrase", query.fieldname, words), lambda: self.phrase(query.fieldname, words))
        elif query is wq.NullQuery:
            return {}
        else:
            raise Unsupported(query)
        boost = query.boost
        if boost != 1.0:
            found = {d: s * boost for d, s in found.items()}
        return found

    @staticmethod
    def conjunction(parts):
        if not parts:
            return {}
        parts.sort(key=len)
        docnums = set(parts[0])
        for part in parts[1:]:
            docnums &= part.keys()
        return {d: sum(part[d] for part in parts) for d in docnums}

    @staticmethod
    def disjunction(parts):
        if not parts:
            return {}
        parts.sort(key=len, reverse=True)
        found = dict(parts[0])
        for part in parts[1:]:
            get = found.get
            found.update({d: get(d, 0.0) + s for d, s in part.items()})
        return found

    def _postings(self, fieldname, text):
        """(offset, leaf reader, [(ids, weights, encoded values)]) of each segment that has the term."""
        field = self.searcher.schema[fieldname]
        btext = field.to_bytes(text)
        for leaf, offset in self.leaves:
            reader = leaf.reader()
            if (fieldname, btext) in reader:
                yield offset, reader, _blocks(reader._terms.matcher(fieldname, btext, field.format))

    def term(self, fieldname, text):
        """({docnum: BM25F score}, its blocks) of one term (remembered: a query may name it twice, and in a phrase)."""
        return self.remembered(("term", fieldname, text), lambda: self._term(fieldname, text))

    def _term(self, fieldname, text):
        searcher = self.searcher
        weighting = self.weighting
        K1 = weighting.K1
        B = weighting._field_B.get(fieldname, weighting.B)
        idf = searcher.idf(fieldname, text)
        avgfl = searcher.avg_field_length(fieldname) or 1
        table = _BYTE_TO_LENGTH
        found = {}
        kept = []
        for offset, reader, blocks in self._postings(fieldname, text):
            lengths = weighting.lengths.get(reader, fieldname)
            if lengths is None:
                raise Unsupported("no field lengths")
            for ids, weights, values in blocks:
                for docid, tf in zip(ids, weights, strict=True):
                    fl = table[lengths[docid]] or 1
                    # Whoosh's scoring.bm25, written out.
                    found[docid + offset] = idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
                # Kept for a phrase's positions: a block is not read and unpickled twice.
                kept.append((offset, ids, values))
            if reader.has_deletions():
                for docid in reader._perdoc.deleted_docs():
                    found.pop(docid + offset, None)
        return found, kept

    def positions(self, fieldname, text, docnums):
        """{docnum: encoded positions of the term} for the ``docnums`` that have it (the term read already)."""
        found = {}
        for offset, ids, values in self.term(fieldname, text)[1]:
            for i, docid in enumerate(ids):
                if docid + offset in docnums:
                    found[docid + offset] = values[i]
        return found

    def phrase(self, fieldname, words):
        """The words one after the other (Whoosh's ``Phrase``, slop 1): scored as all of them."""
        per_word = [self.term(fieldname, word)[0] for word in words]
        candidates = set(self.conjunction(list(per_word)))
        if len(words) > 1 and candidates:
            if not isinstance(self.searcher.schema[fieldname].format, CompactPositions):
                raise Unsupported("positions stored by another format")
            encoded = {word: self.positions(fieldname, word, candidates) for word in set(words)}
            columns = [encoded[word] for word in words]

            def in_a_row(docnum):
                # Decoded one document at a time and dropped at once: a list per document kept
                # for the whole query made the garbage collector walk the heap (twice the time).
                starts = set(_decoded(columns[0][docnum]))
                for i, column in enumerate(columns[1:], start=1):
                    starts.intersection_update([p - i for p in _decoded(column[docnum])])
                    if not starts:
                        return False
                return True

            candidates = [d for d in candidates if in_a_row(d)]
        return {d: sum(scores[d] for scores in per_word) for d in candidates}
