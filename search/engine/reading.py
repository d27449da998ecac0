"""Searching an index: one Whoosh searcher per thread, reopened only when needed.

Opening a Whoosh index costs milliseconds (its table of contents, every
segment's files), so each thread of each process keeps a ``Reader`` per index
folder, refreshed when the live generation gets a new commit and reopened
when ``CURRENT`` points to another generation (a rebuild swapped).
"""

import logging
import os
import threading

from whoosh.query import Term
from whoosh.reading import ReaderClosed

from . import block_scoring
from .scoring import FastBM25F

logger = logging.getLogger("search.engine")

# The filters' documents kept per segment, across commits: a few dozen filters of a few segments.
MAX_SEGMENT_FILTERS = 512


class Reader:
    """A Whoosh searcher plus what can be cached while the index is unchanged:
    the documents matching a filter, and the map between docnums and pks."""

    FILTER_CACHE_SIZE = 64

    def __init__(self, searcher, stamp, generation, segment_docs=None):
        self.searcher = searcher
        self.stamp = stamp
        self.generation = generation
        self._filters = {}
        self.scoring_memo = block_scoring.Memo()
        self._docnums = None
        self._pk_column = None
        self._segment_docs = _kept_for(searcher, segment_docs or {})

    @classmethod
    def open(cls, whoosh_index, stamp, generation):
        return cls(whoosh_index.searcher(weighting=FastBM25F()), stamp, generation)

    def refreshed(self):
        """This reader, or one on the latest commit; None if that failed."""
        if self.searcher.up_to_date():
            return self
        try:
            return Reader(self.searcher.refresh(), self.stamp, self.generation, self._segment_docs)
        except (OSError, ReaderClosed):
            # A concurrent merge removed a segment while Whoosh reopened: its
            # retry then closes the reused segment readers a second time.
            # The old searcher is unusable either way; the caller reopens.
            logger.info("Search index %s changed while refreshing; reopening", self.generation)
            self.close()
            return None

    def close(self):
        try:
            self.searcher.close()
        except Exception:  # noqa: BLE001 - closing is best effort
            logger.debug("Closing the searcher of index %s failed", self.generation, exc_info=True)

    @property
    def reader(self):
        return self.searcher.reader()

    @property
    def schema(self):
        return self.searcher.schema

    def cached(self, key, compute):
        """``compute()``, remembered under ``key`` while the index is unchanged.

        Values are shared: callers must not modify them.
        """
        try:
            return self._filters[key]
        except KeyError:
            pass
        if len(self._filters) >= self.FILTER_CACHE_SIZE:
            self._filters.clear()
        value = self._filters[key] = compute()
        return value

    def docs(self, query):
        """The set of docnums matching ``query`` (cached; do not modify)."""
        return self.cached(query, lambda: self._docs_by_segment(query))

    def _docs_by_segment(self, query):
        # A commit adds a small segment and marks deletions in the old ones, which keep their
        # documents' numbers: what matched in an old segment still does, but for the deleted.
        # So only new segments are searched. A filter such as "under the site's root" expands
        # to every page's path (20,000 terms): 750 ms for the whole index, after every publish.
        docs = set()
        for subsearcher, offset in self.searcher.leaf_searchers():
            segment = subsearcher.reader().segment()
            if segment is None:  # an empty index
                continue
            key = (segment.segment_id(), query)
            local = self._segment_docs.get(key)
            if local is None:
                if len(self._segment_docs) >= MAX_SEGMENT_FILTERS:
                    self._segment_docs.clear()
                local = self._segment_docs[key] = self._search_segment(subsearcher, query)
            deleted = segment.deleted_docs()
            docs.update(offset + docnum for docnum in (local.difference(deleted) if deleted else local))
        return docs

    @staticmethod
    def _search_segment(subsearcher, query):
        return frozenset(query.docs(subsearcher))

    def model_docs(self, label):
        return self.docs(Term("ctype", label))

    def pk(self, docnum):
        if self._pk_column is None:
            self._pk_column = self.reader.column_reader("pk")
        return self._pk_column[docnum]

    def pks(self):
        """{pk: docnum} of every live document."""
        if self._docnums is None:
            reader = self.reader
            docnums = {}
            if reader.doc_count():
                column = reader.column_reader("pk")
                for docnum in reader.all_doc_ids():
                    docnums[column[docnum]] = docnum
            self._docnums = docnums
        return self._docnums


def _kept_for(searcher, segment_docs):
    """``segment_docs`` ({(segment id, query): docnums}) without the segments merged away."""
    segments = (subsearcher.reader().segment() for subsearcher, _offset in searcher.leaf_searchers())
    current = {segment.segment_id() for segment in segments if segment is not None}
    return {key: docs for key, docs in segment_docs.items() if key[0] in current}


class ReaderCache(threading.local):
    """The ``Reader`` of each index folder, for the current thread.

    Forgotten in a forked child: a searcher's open files are not its own.
    """

    def __init__(self):
        self.readers = {}
        self.pid = os.getpid()

    def _own(self):
        if self.pid != os.getpid():
            self.readers = {}
            self.pid = os.getpid()
        return self.readers

    def get(self, key):
        return self._own().get(key)

    def put(self, key, reader):
        self._own()[key] = reader
        return reader

    def forget(self, key):
        reader = self._own().pop(key, None)
        if reader is not None:
            reader.close()
