"""Atomic rebuilds (``manage.py update_index``).

``start()`` creates a new, empty generation next to the live one and returns
an ``IndexBuilder`` that the rebuild command fills; searches keep using the
live generation meanwhile. ``finish()`` replays the writes that happened
during the rebuild (see ``index``), then makes the new generation live with
one atomic rename.
"""

import logging

from modelsearch.index import class_is_indexed

from .index import lexicon_document, replace_documents
from .locking import LockTimeout
from .writer import BulkSegmentWriter

logger = logging.getLogger("search.backend")


class RebuildInProgress(Exception):
    """Another process is already rebuilding this index."""


class IndexBuilder:
    """The index as seen by the rebuild command between ``start`` and ``finish``."""

    # Postings held in memory before they are written out as one segment
    # (about 150 MB); bigger segments make queries a little faster.
    FLUSH_POSTINGS = 2_500_000

    def __init__(self, index, generation, whoosh_index):
        self.index = index
        self.generation = generation
        self.whoosh_index = whoosh_index
        self.writer = None
        self.words = {}
        self.postings = 0
        self.count = 0

    def __str__(self):
        return str(self.index)

    def add_model(self, model):
        pass

    def add_item(self, item):
        self.add_items(item._meta.model, [item])

    def add_items(self, model, items):
        if not class_is_indexed(model) or not items:
            return
        if self.writer is None:
            self.writer = BulkSegmentWriter(self.whoosh_index)
        words = self.words
        for doc, doc_words in self.index.documents(model, items):
            self.writer.add_document(**doc)
            for word, count in doc_words.items():
                words[word] = words.get(word, 0) + count
            self.count += 1
        self.postings = self.writer.postings
        if self.postings >= self.FLUSH_POSTINGS:
            self.flush()

    def flush(self):
        """Write what is in memory as one segment."""
        if self.writer is None:
            return
        if self.words:
            self.writer.add_document(**lexicon_document(self.words))
        self.writer.commit(merge=False)
        self.writer = None
        self.words = {}
        self.postings = 0


class WhooshRebuilder:
    """modelsearch's rebuilder interface: ``start()`` then ``finish()``."""

    # The swap waits for live writers longer than they wait for each other.
    SWAP_LOCK_TIMEOUT = 60.0

    def __init__(self, index):
        self.index = index
        self.store = index.store
        self.builder = None
        self.build_lock = self.store.build_lock()

    def start(self):
        try:
            self.build_lock.acquire(timeout=0)
        except LockTimeout:
            raise RebuildInProgress(
                f"Another process is rebuilding the search index {self.index}"
            ) from None
        with self.store.write_lock():
            name, whoosh_index = self.store.create_generation()
            self.store.begin_build(name)
        self.builder = IndexBuilder(self.index, name, whoosh_index)
        return self.builder

    def finish(self):
        try:
            self.builder.flush()
            with self.store.write_lock(timeout=self.SWAP_LOCK_TIMEOUT):
                self._replay_journal()
                previous = self.store.current_generation()
                self.store.swap(self.builder.generation)
                self.store.end_build()
                self.store.remove_old_generations(keep={self.builder.generation, previous})
        finally:
            self.build_lock.release()
        logger.info("Search index %s rebuilt: %d documents", self.index, self.builder.count)

    def _replay_journal(self):
        journal = self.store.dir / self.builder.generation / "journal"
        entries = self.store.read_journal(journal)
        if not entries:
            return
        docs, words = {}, {}
        for entry in entries:
            if entry[0] == "delete":
                docs[entry[1]] = None
            else:
                _kind, doc, doc_words = entry
                docs[doc["pk"]] = doc
                for word, count in doc_words.items():
                    words[word] = words.get(word, 0) + count
        writer = self.builder.whoosh_index.writer()
        try:
            replace_documents(
                writer,
                [doc for doc in docs.values() if doc is not None],
                [pk for pk, doc in docs.items() if doc is None],
            )
            if words:
                writer.add_document(**lexicon_document(words))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        journal.unlink()
        logger.info("Replayed %d writes made during the rebuild of %s", len(entries), self.index)
