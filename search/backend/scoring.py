"""BM25F as Whoosh computes it, with each segment's field lengths read once.

Whoosh's scorer asks the reader for a document's field length on every
scored posting, through several method calls and a ``struct`` unpack; for a
query matching thousands of pages that is a good share of its time. The
lengths of a segment never change (it is immutable; deletions do not touch
them), so they are read once into a ``bytes`` object kept on the segment
reader, which searchers reuse until the segment goes away.
"""

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

_BYTE_TO_LENGTH = [byte_to_length(b) for b in range(256)]


def _segment_lengths(reader, fieldname):
    """Encoded length bytes of ``fieldname`` for each document of a segment."""
    cache = reader.__dict__.setdefault("_ciao_lengths", {})
    if fieldname not in cache:
        lengths = None
        perdoc = getattr(reader, "_perdoc", None)
        column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN) if perdoc else None
        if column is not None and column._fixedlen == 1:
            raw = column._dbfile.get(column._basepos, column._count)
            lengths = bytes(raw) + bytes(max(reader.doc_count_all() - len(raw), 0))
        cache[fieldname] = lengths
    return cache[fieldname]


class FastBM25F(scoring.BM25F):
    """Whoosh's ``BM25F`` (same parameters, same scores), faster."""

    def scorer(self, searcher, fieldname, text, qf=1):
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        B = self._field_B.get(fieldname, self.B)
        return FastBM25FScorer(searcher, fieldname, text, B, self.K1, qf=qf)


class FastBM25FScorer(scoring.BM25FScorer):
    def setup(self, searcher, fieldname, text):
        super().setup(searcher, fieldname, text)
        try:
            lengths = _segment_lengths(searcher.reader(), fieldname)
        except Exception:  # noqa: BLE001 - any surprise: Whoosh's own lookups
            lengths = None
        if lengths is not None:
            table = _BYTE_TO_LENGTH
            # A zero byte means "no length"; Whoosh then uses the default 1.
            self.dfl = lambda docid: table[lengths[docid]] or 1
