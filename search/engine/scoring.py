"""BM25F as Whoosh computes it, with each segment's field lengths read once.

Whoosh's scorer asks the reader for a document's field length on every
scored posting, through several method calls and a ``struct`` unpack; for a
query matching thousands of pages that is a good share of its time. The
lengths of a segment never change (it is immutable; deletions do not touch
them), so the weighting reads them once per segment reader and field into a
``bytes`` object, kept in a table of its own keyed (weakly) by the segment
reader: they live as long as some searcher still uses that segment.
"""

import weakref

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


def _read_lengths(reader, fieldname):
    """Encoded length bytes of ``fieldname`` for each document of a segment,
    or None where the segment does not keep them as Whoosh 3 does by default."""
    perdoc = getattr(reader, "_perdoc", None)
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if perdoc else None
    if column is None or column._fixedlen != 1:
        return None
    raw = column._dbfile.get(column._basepos, column._count)
    return bytes(raw) + bytes(max(reader.doc_count_all() - len(raw), 0))


class SegmentLengths:
    """{segment reader: {field name: length bytes}}, forgotten with the reader."""

    def __init__(self):
        self._by_reader = weakref.WeakKeyDictionary()

    def get(self, reader, fieldname):
        fields = self._by_reader.get(reader)
        if fields is None:
            fields = self._by_reader[reader] = {}
        if fieldname not in fields:
            fields[fieldname] = _read_lengths(reader, fieldname)
        return fields[fieldname]


class FastBM25F(scoring.BM25F):
    """Whoosh's ``BM25F`` (same parameters, same scores), faster.

    Give each searcher its own instance (``refresh()`` passes it on to the
    fresh searcher): its table of lengths is not meant to be shared by threads.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lengths = SegmentLengths()

    def scorer(self, searcher, fieldname, text, qf=1):
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        B = self._field_B.get(fieldname, self.B)
        return FastBM25FScorer(searcher, fieldname, text, B, self.K1, self.lengths, qf=qf)


class FastBM25FScorer(scoring.BM25FScorer):
    def __init__(self, searcher, fieldname, text, B, K1, lengths, qf=1):
        self.lengths = lengths
        super().__init__(searcher, fieldname, text, B, K1, qf=qf)

    def setup(self, searcher, fieldname, text):
        super().setup(searcher, fieldname, text)
        try:
            lengths = self.lengths.get(searcher.reader(), fieldname)
        except Exception:  # noqa: BLE001 - any surprise: Whoosh's own lookups
            lengths = None
        if lengths is not None:
            table = _BYTE_TO_LENGTH
            # A zero byte means "no length"; Whoosh then uses the default 1.
            self.dfl = lambda docid: table[lengths[docid]] or 1
