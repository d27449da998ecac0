"""Atomic rebuilds (``manage.py update_index``).

``start()`` creates a new, empty generation next to the live one and returns
an ``IndexBuilder`` that the rebuild command fills; searches keep using the
live generation meanwhile. ``finish()`` replays the writes that happened
during the rebuild (see ``index``), then makes the new generation live with
one atomic rename.
"""

import gc
import logging

from modelsearch.index import class_is_indexed

from . import analysis
from .index import lexicon_document, replace_documents
from .locking import LockTimeout
from .mapping import spelling_words
from .schema import schema_language
from .workers import SegmentWorker, fork_available
from .writer import BulkSegmentWriter

logger = logging.getLogger("search.backend")


class RebuildInProgress(Exception):
    """Another process is already rebuilding this index."""


class IndexBuilder:
    """The index as seen by the rebuild command between ``start`` and ``finish``.

    Documents are held back until there are ``PARALLEL_AFTER`` of them: a
    small rebuild is then written here, as one segment; a large one, if the
    backend allows ``workers``, goes to worker processes that write segments
    in parallel (see ``workers``), the held-back documents first.
    """

    # Postings held in memory before they are written out as one segment
    # (about 150 MB); bigger segments make queries a little faster.
    FLUSH_POSTINGS = 2_500_000
    # Forking workers costs a few hundred milliseconds: below this many
    # documents (most models other than pages) it does not pay for itself.
    PARALLEL_AFTER = 1000

    def __init__(self, index, generation, whoosh_index, workers=0):
        self.index = index
        self.generation = generation
        self.whoosh_index = whoosh_index
        self.max_workers = workers
        self.workers = []
        self.next_worker = 0
        self.pending = []
        self.writer = None
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
        documents = self.index.documents(model, items)
        self.count += len(documents)
        if self.workers:
            self._send(documents)
        elif self.max_workers > 1:
            self.pending += documents
            if len(self.pending) > self.PARALLEL_AFTER:
                self._start_workers()
        else:
            self._write(documents)

    def _send(self, documents):
        worker = self.workers[self.next_worker]
        self.next_worker = (self.next_worker + 1) % len(self.workers)
        worker.send(documents)

    def _write(self, documents):
        if self.writer is None:
            analysis.take_words()
            self.writer = BulkSegmentWriter(self.whoosh_index)
        for doc in documents:
            self.writer.add_document(**doc)
        if self.writer.postings >= self.FLUSH_POSTINGS:
            self.flush()

    def _start_workers(self):
        self._learn_vocabulary(self.pending)
        folder = self.index.store.dir / self.generation
        self.workers = [
            SegmentWorker(folder, self.index.backend.language, self.FLUSH_POSTINGS)
            for _ in range(self.max_workers)
        ]
        pending, self.pending = self.pending, []
        share = -(-len(pending) // len(self.workers))
        for start in range(0, len(pending), share):
            self._send(pending[start : start + share])

    def _learn_vocabulary(self, documents):
        # Forked workers start with this process's memory: stemming the words
        # of the held-back documents once here saves each worker doing it.
        normaliser = analysis.normaliser(schema_language(self.whoosh_index.schema), "text")
        for doc in documents:
            for column, value in doc.items():
                if column.endswith("__t"):
                    normaliser.learn(analysis.WORD_RE.findall(value))

    def flush(self, segments=()):
        """Commit what this process holds, with ``segments`` from workers."""
        if self.writer is None:
            if not segments:
                return
            self.writer = BulkSegmentWriter(self.whoosh_index)
        words = spelling_words(analysis.take_words(), self.index.backend.language)
        if words:
            self.writer.add_document(**lexicon_document(words))
        self.writer.commit_with(segments)
        self.writer = None

    def finish(self):
        """Write what was held back, collect the workers' segments, commit."""
        if self.pending:
            pending, self.pending = self.pending, []
            self._write(pending)
        segments = []
        try:
            # Every worker writes its last segment at once, not one after the other.
            for worker in self.workers:
                worker.close_input()
            for worker in self.workers:
                segments += worker.finish()
        except BaseException:
            for worker in self.workers:
                worker.stop()
            raise
        self.flush(segments)


class WhooshRebuilder:
    """modelsearch's rebuilder interface: ``start()`` then ``finish()``."""

    # The swap waits for live writers longer than they wait for each other.
    SWAP_LOCK_TIMEOUT = 60.0

    def __init__(self, index):
        self.index = index
        self.store = index.store
        self.builder = None
        self.build_lock = self.store.build_lock()
        self._gc_paused = False

    def start(self):
        try:
            self.build_lock.acquire(timeout=0)
        except LockTimeout:
            raise RebuildInProgress(
                f"Another process is rebuilding the search index {self.index}"
            ) from None
        # A rebuild holds millions of small objects (none in a cycle): each
        # cyclic collection would walk them all, which doubled rebuild times.
        if gc.isenabled():
            gc.disable()
            self._gc_paused = True
        with self.store.write_lock():
            name, whoosh_index = self.store.create_generation()
            self.store.begin_build(name)
        workers = self.index.backend.rebuild_workers if fork_available() else 0
        self.builder = IndexBuilder(self.index, name, whoosh_index, workers)
        return self.builder

    def finish(self):
        try:
            self.builder.finish()
            with self.store.write_lock(timeout=self.SWAP_LOCK_TIMEOUT):
                self._replay_journal()
                previous = self.store.current_generation()
                self.store.swap(self.builder.generation)
                self.store.end_build()
                self.store.remove_old_generations(keep={self.builder.generation, previous})
        finally:
            self.build_lock.release()
            self._resume_gc()
        logger.debug("Search index %s rebuilt: %d documents", self.index, self.builder.count)

    def _resume_gc(self):
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()

    def __del__(self):
        # A rebuild that failed before finish() must not leave the collector off.
        self._resume_gc()

    def _replay_journal(self):
        journal = self.store.dir / self.builder.generation / "journal"
        entries = self.store.read_journal(journal)
        if not entries:
            return
        docs = {}
        for entry in entries:
            if entry[0] == "delete":
                docs[entry[1]] = None
            else:
                docs[entry[1]["pk"]] = entry[1]
        writer = self.builder.whoosh_index.writer()
        try:
            analysis.take_words()
            replace_documents(
                writer,
                [doc for doc in docs.values() if doc is not None],
                [pk for pk, doc in docs.items() if doc is None],
            )
            words = spelling_words(analysis.take_words(), self.index.backend.language)
            if words:
                writer.add_document(**lexicon_document(words))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        journal.unlink()
        logger.info("Replayed %d writes made during the rebuild of %s", len(entries), self.index)
