"""A faster Whoosh segment writer.

Whoosh's ``SegmentWriter`` turns every posting into a tuple in a pool, sorts
the whole pool at commit time, then writes the posting lists one posting at a
time, reading each document's field length back from disk, and gives every
term (even one that occurs in a single document) its own compressed block.
For a full rebuild that is most of the indexing time.

``BulkSegmentWriter`` writes the same W3 codec files, so readers need nothing
special: postings are grouped by field and term as documents arrive (commit
only sorts term lists), posting lists are written a block at a time with the
lengths already known, and short posting lists are stored inline in the term
table, a layout Whoosh reads natively (``W3TermInfo.set_inlined``) although
its own writer never produces it.

Rebuilds and live updates both use it; the merges of live updates go through
``add_postings_to_pool`` into the same grouped pool, lengths included.

It also keeps the words of the text it indexes (``seen_words``), from which
the spelling dictionary learns (see ``spelling``).
"""

import math
from array import array
from collections import defaultdict
from struct import Struct

from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
from whoosh.query import Or, Term
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter, UnknownFieldError

from . import analysis
from .schema import ALL_TEXT, TextField

# Posting lists up to this long go inline in the term table.
INLINE_LIMIT = 8

# Live writes add a small segment each; merge_small_ones merges them by levels of this factor.
MERGE_FACTOR = 4
# Merging happens inside someone's publish, at about 2.5 ms a document (20,000-page copy): segments
# bigger than this wait for the next rebuild, so a merge rewrites at most about 500 documents (about
# a second). At 5,000, the first publish after a parallel rebuild merged two of the rebuild's
# segments: 23 s.
MAX_LIVE_MERGE_DOCS = 255

_pack_field_id = Struct("!H").pack


class GroupedPool:
    """Postings grouped by field and term: {fieldname: {term bytes: postings}}.

    For "plain" fields (no positions, weights or lengths: exact filter values)
    a posting is just a docnum; otherwise it is (docnum, weight, value, length).
    """

    def __init__(self):
        self.fields = {}
        self.fieldnames = set()
        self.plain = set()
        self.merged = False

    def add(self, item):
        # Whoosh's merge path: (fieldname, btext, docnum, weight, vbytes). The
        # field length is unknown there; 0 only widens block statistics.
        fieldname, btext, docnum, weight, vbytes = item
        self.merged = True
        self.fieldnames.add(fieldname)
        posting = docnum if fieldname in self.plain else (docnum, weight, vbytes or b"", 0)
        self.fields.setdefault(fieldname, {}).setdefault(btext, []).append(posting)

    def iter_postings(self):
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for btext in sorted(terms):
                for posting in sorted(terms[btext]):
                    if fieldname in self.plain:
                        yield (fieldname, btext, posting, 1.0, b"")
                    else:
                        yield (fieldname, btext) + posting[:3]

    def cleanup(self):
        self.fields = {}


def _is_plain(field):
    return (
        field.format.fixed_value_size() == 0 and not field.scorable and not field.stored and field.column_type is None
    )


class BulkSegmentWriter(SegmentWriter):
    """``SegmentWriter`` with a grouped posting pool (see the module doc)."""

    def __init__(self, ix, **kwargs):
        # zlib level 1 instead of 3: posting blocks compress a few percent
        # less, a good deal faster; readers do not care which level was used.
        kwargs.setdefault("codec", W3Codec(compression=1))
        super().__init__(ix, **kwargs)
        self.pool = GroupedPool()
        self._fields = {}
        # Postings added so far: the caller's measure of memory in use.
        self.postings = 0
        # The words of every text field indexed, as written (for ``spelling``).
        self.seen_words = set()

    def _field(self, name):
        if name not in self.schema:
            raise UnknownFieldError(f"No field named {name!r} in {self.schema}")
        field = self.schema[name]
        plain = field.indexed and _is_plain(field)
        if plain:
            self.pool.plain.add(name)
        terms = None
        if field.indexed:
            self.pool.fieldnames.add(name)
            terms = self.pool.fields.setdefault(name, {})
        found = self._fields[name] = (field, terms, plain, isinstance(field, TextField))
        return found

    def add_document(self, **fields):
        self._check_state()
        perdocwriter = self.perdocwriter
        docnum = self.docnum
        known = self._fields
        perdocwriter.start_doc(docnum)
        for fieldname in sorted(fields):
            value = fields[fieldname]
            if value is None or fieldname.startswith("_"):
                continue
            field, terms, plain, text = known.get(fieldname) or self._field(fieldname)
            if plain:
                for item in field.index(value):
                    postings = terms.get(item[0])
                    if postings is None:
                        terms[item[0]] = [docnum]
                    else:
                        postings.append(docnum)
                    self.postings += 1
                continue
            length = 0
            if field.indexed:
                if text:
                    words = analysis.words(value)
                    self.seen_words.update(words)
                    items = field.index_words(words)
                else:
                    items = field.index(value)
                if not isinstance(items, list):
                    items = list(items)
                self.postings += len(items)
                if field.scorable:
                    length = sum(item[1] for item in items)
                for tbytes, _freq, weight, vbytes in items:
                    postings = terms.get(tbytes)
                    if postings is None:
                        terms[tbytes] = [(docnum, weight, vbytes, length)]
                    else:
                        postings.append((docnum, weight, vbytes, length))
            perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
            column = field.column_type
            if column:
                perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def add_postings_to_pool(self, reader, startdoc, docmap):
        # Whoosh's merge path, keeping each posting's field length so that the
        # merged posting lists keep tight block statistics.
        pool = self.pool
        pool.merged = True
        schema = self.schema
        for fieldname, btext, docnum, weight, vbytes in reader.iter_postings():
            if fieldname not in schema:
                continue
            newdoc = docmap[docnum] if docmap is not None else startdoc + docnum
            field = schema[fieldname]
            pool.fieldnames.add(fieldname)
            terms = pool.fields.setdefault(fieldname, {})
            if field.indexed and _is_plain(field):
                pool.plain.add(fieldname)
                posting = newdoc
            else:
                length = reader.doc_field_length(docnum, fieldname) if field.scorable else 0
                posting = (newdoc, weight, vbytes or b"", length or 0)
            terms.setdefault(btext, []).append(posting)

    def commit_with(self, segments):
        """Commit, adding ``segments`` written by other (unlocked) writers."""
        self._check_state()
        finalsegments = self._merge_segments(None, False, False)
        if self._added:
            finalsegments.append(self._finalize_segment())
        else:
            self._close_segment()
        self._commit_toc(finalsegments + list(segments))
        self._finish()

    def _flush_segment(self):
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        schema = self.schema
        for fieldname in sorted(self.pool.fields):
            terms = self.pool.fields[fieldname]
            fieldobj = schema[fieldname]
            fieldwriter.start_field(fieldname, fieldobj)
            keep_values = fieldobj.format.fixed_value_size() != 0
            plain = fieldname in self.pool.plain
            for btext in sorted(terms):
                postings = terms[btext]
                if self.pool.merged:
                    # Merged segments' postings come after ours: sort by docnum.
                    postings.sort()
                if plain:
                    postings = [(docnum, 1.0, b"", 0) for docnum in postings]
                _write_term(fieldwriter, btext, postings, keep_values)
            fieldwriter.finish_field()
        fieldwriter.close()


def _write_term(fieldwriter, btext, postings, keep_values):
    """Write one term's posting list, as ``start_term`` ... ``finish_term`` would."""
    total = len(postings)
    ids, weights, values, lengths = zip(*postings, strict=True)
    known_lengths = [n for n in lengths if n]
    if total <= INLINE_LIMIT:
        terminfo = W3TermInfo()
        terminfo._weight = sum(weights)
        terminfo._df = total
        terminfo._minlength = min(known_lengths) if known_lengths else None
        terminfo._maxlength = max(known_lengths) if known_lengths else 0
        terminfo._maxweight = max(weights)
        terminfo._minid = ids[0]
        terminfo._maxid = ids[-1]
        # Whoosh's merge reads inlined values back and insists they be bytes.
        terminfo.set_inlined(ids, weights, values if keep_values else [b""] * total)
        key = _pack_field_id(fieldwriter._fieldid) + btext
        fieldwriter._tindex.add(key, terminfo.to_bytes())
        return
    fieldwriter.start_term(btext)
    postwriter = fieldwriter._postwriter
    limit = postwriter._blocklimit
    for start in range(0, total, limit):
        end = min(start + limit, total)
        block_lengths = [n for n in lengths[start:end] if n]
        postwriter._ids = array("I", ids[start:end])
        postwriter._weights = array("f", weights[start:end])
        postwriter._values = [v for v in values[start:end] if v] if keep_values else []
        postwriter._maxweight = max(postwriter._weights)
        postwriter._minlength = min(block_lengths) if block_lengths else None
        postwriter._maxlength = max(block_lengths) if block_lengths else 0
        if end < total:
            postwriter._write_block()
    fieldwriter.finish_term()


def replace_documents(writer, docs, delete_pks=(), searcher=None):
    """Delete the documents with these pks (and those of ``docs``), add ``docs``."""
    pks = {doc["pk"] for doc in docs} | set(delete_pks)
    if pks:
        query = Or([Term("pk", pk) for pk in pks])
        if searcher is None:
            with writer.searcher() as searcher:
                writer.delete_by_query(query, searcher=searcher)
        else:
            writer.delete_by_query(query, searcher=searcher)
    # An index built before the all-text column existed takes documents without it until rebuilt.
    has_all_text = ALL_TEXT in writer.schema
    for doc in docs:
        if not has_all_text:
            doc = {k: v for k, v in doc.items() if k != ALL_TEXT}
        writer.add_document(**doc)


def _level(segment):
    return int(math.log(max(segment.doc_count_all(), 1), MERGE_FACTOR))


def merge_small_ones(writer, segments):
    """Whoosh merge policy for live writes: few segments, and cheap publishes.

    A search visits every segment, looking up each of its terms in each (most
    of a millisecond per small segment for a query over thirty fields), and
    Whoosh's default policy lets a dozen accumulate; merging every small
    segment at each publish would instead rewrite everything published since
    the last rebuild, each time. Here segments have levels by size (1-3
    documents, 4-15, 16-63...: powers of ``MERGE_FACTOR``) and two of the
    same level are merged into the one being written, which also drops the
    documents they had replaced: after 2,000 publishes of a 20,000-page site
    there are 16 segments (the rebuild's 4 among them), and a publish rewrites
    about ten documents on average. The largest segment (the rebuild's), and
    any over ``MAX_LIVE_MERGE_DOCS`` (the other segments of a parallel rebuild,
    the merges of the largest levels), wait for ``search_rebuild``: rewriting
    them would keep an editor's publish waiting for seconds.
    """
    largest = max(segments, key=lambda segment: segment.doc_count_all(), default=None)
    by_level = defaultdict(list)
    for segment in segments:
        if segment is not largest and segment.doc_count_all() <= MAX_LIVE_MERGE_DOCS:
            by_level[_level(segment)].append(segment)
    merged = next((group for _level_, group in sorted(by_level.items()) if len(group) >= 2), [])
    for segment in merged:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s not in merged]
