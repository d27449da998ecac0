"""A faster Whoosh segment writer.

Whoosh's ``SegmentWriter`` turns every posting into a tuple, sorts all of them
at commit time, then reads each document's field length back from disk while
writing the posting lists one posting at a time. For a full rebuild that is
most of the indexing time.

``BulkSegmentWriter`` writes the same files (Whoosh's own W3 codec, so readers
need nothing special) but keeps postings grouped by field and term as
documents arrive, so committing only sorts the term lists, and writes each
posting list block by block with the lengths it already knows.

Everything a document carries goes through ``add_document``; merging existing
segments (Whoosh's merge policies) goes through ``add_reader`` and lands in
the same grouped pool.
"""

from array import array

from whoosh.codec.whoosh3 import W3PostingsWriter
from whoosh.writing import SegmentWriter, UnknownFieldError


class _TermPostings:
    __slots__ = ("ids", "weights", "values", "lengths")

    def __init__(self):
        self.ids = array("I")
        self.weights = array("f")
        self.values = []
        self.lengths = array("I")


class GroupedPool:
    """Postings grouped as {fieldname: {term bytes: _TermPostings}}."""

    def __init__(self):
        self.fields = {}
        self.fieldnames = set()

    def add(self, item):
        # Whoosh's merge path: (fieldname, btext, docnum, weight, vbytes).
        # The field length is unknown here; 0 only widens block statistics.
        fieldname, btext, docnum, weight, vbytes = item
        self.fieldnames.add(fieldname)
        terms = self.fields.setdefault(fieldname, {})
        postings = terms.get(btext)
        if postings is None:
            postings = terms[btext] = _TermPostings()
        postings.ids.append(docnum)
        postings.weights.append(weight)
        postings.values.append(vbytes or b"")
        postings.lengths.append(0)

    def iter_postings(self):
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for btext in sorted(terms):
                p = terms[btext]
                for i, docnum in enumerate(p.ids):
                    yield (fieldname, btext, docnum, p.weights[i], p.values[i])

    def cleanup(self):
        self.fields = {}


class BulkSegmentWriter(SegmentWriter):
    """Drop-in ``SegmentWriter`` with a grouped posting pool (see module doc)."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = GroupedPool()
        self._known_fields = set()
        # Postings added so far: the caller's measure of memory in use.
        self.postings = 0

    def add_document(self, **fields):
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool_fields = self.pool.fields
        known = self._known_fields

        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        for name in fieldnames:
            if name not in known:
                if name not in schema:
                    raise UnknownFieldError(f"No field named {name!r} in {schema}")
                known.add(name)
                self.pool.fieldnames.add(name)

        perdocwriter.start_doc(docnum)
        for fieldname in fieldnames:
            value = fields[fieldname]
            if value is None:
                continue
            field = schema[fieldname]
            length = 0
            if field.indexed:
                items = list(field.index(value))
                self.postings += len(items)
                if field.scorable:
                    for item in items:
                        length += item[1]
                terms = pool_fields.get(fieldname)
                if terms is None:
                    terms = pool_fields[fieldname] = {}
                for tbytes, _freq, weight, vbytes in items:
                    postings = terms.get(tbytes)
                    if postings is None:
                        postings = terms[tbytes] = _TermPostings()
                    postings.ids.append(docnum)
                    postings.weights.append(weight)
                    postings.values.append(vbytes)
                    postings.lengths.append(length)
            stored = value if field.stored else None
            perdocwriter.add_field(fieldname, field, stored, length)
            column = field.column_type
            if column:
                perdocwriter.add_column_value(
                    fieldname, column, field.to_column_value(value)
                )
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self):
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        schema = self.schema
        for fieldname in sorted(self.pool.fields):
            terms = self.pool.fields[fieldname]
            fieldobj = schema[fieldname]
            fieldwriter.start_field(fieldname, fieldobj)
            postwriter = fieldwriter._postwriter
            keep_values = not fieldobj.format.fixed_value_size() == 0
            for btext in sorted(terms):
                fieldwriter.start_term(btext)
                _write_postings(postwriter, terms[btext], keep_values)
                fieldwriter.finish_term()
            fieldwriter.finish_field()
        fieldwriter.close()


def _write_postings(postwriter: W3PostingsWriter, postings, keep_values):
    """Fill ``postwriter`` block by block, as ``add_posting`` would one by one."""
    ids, weights, values, lengths = (
        postings.ids,
        postings.weights,
        postings.values,
        postings.lengths,
    )
    if len(ids) > 1 and any(ids[i] >= ids[i + 1] for i in range(len(ids) - 1)):
        # Only merged segments can interleave; keep posting order by docnum.
        order = sorted(range(len(ids)), key=ids.__getitem__)
        ids = array("I", (ids[i] for i in order))
        weights = array("f", (weights[i] for i in order))
        values = [values[i] for i in order]
        lengths = array("I", (lengths[i] for i in order))
    limit = postwriter._blocklimit
    total = len(ids)
    for start in range(0, total, limit):
        end = min(start + limit, total)
        block_lengths = [n for n in lengths[start:end] if n]
        postwriter._ids = ids[start:end]
        postwriter._weights = weights[start:end]
        postwriter._values = [v for v in values[start:end] if v] if keep_values else []
        postwriter._maxweight = max(postwriter._weights)
        postwriter._minlength = min(block_lengths) if block_lengths else None
        postwriter._maxlength = max(block_lengths) if block_lengths else 0
        if end < total:
            postwriter._write_block()
