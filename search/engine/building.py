"""Rebuilding an index beside the live one, and swapping it in atomically.

``IndexBuilder.start()`` creates a new, empty generation next to the live one
(see ``storage``); ``add()`` fills it with documents while searches keep
using the live generation; ``finish()`` replays the live writes made
meanwhile (the generation's journal), then makes the new generation live with
one atomic rename.

Documents are held back until there are ``PARALLEL_AFTER`` of them: a small
rebuild is then written in this process, as one segment; a large one, if
``workers`` allows, goes to worker processes that write segments in parallel
(see ``workers``), the held-back documents first.
"""

import gc
import logging

from . import analysis, spelling
from .crash_points import crash_point
from .locking import LockTimeout
from .storage import JOURNAL
from .workers import SegmentWorker, fork_available
from .writer import BulkSegmentWriter, replace_documents

logger = logging.getLogger("search.engine")


class RebuildInProgress(Exception):
    """Another process is already rebuilding this index."""


class IndexBuilder:
    """One rebuild of the index kept by an ``IndexStore``."""

    # Postings held in memory before they are written out as one segment
    # (about 150 MB); bigger segments make queries a little faster.
    FLUSH_POSTINGS = 2_500_000
    # Forking workers costs a few hundred milliseconds: below this many
    # documents (most models other than pages) it does not pay for itself.
    PARALLEL_AFTER = 1000
    # The swap waits for live writers longer than they wait for each other.
    SWAP_LOCK_TIMEOUT = 60.0

    def __init__(self, store, workers=0):
        self.store = store
        self.max_workers = workers if fork_available() else 0
        self.build_lock = store.build_lock()
        self.generation = None
        self.whoosh_index = None
        self.workers = []
        self.next_worker = 0
        self.pending = []
        self.writer = None
        self.count = 0

    def __str__(self):
        return self.store.name

    def start(self):
        """Take the build lock and create the new generation."""
        try:
            self.build_lock.acquire(timeout=0)
        except LockTimeout:
            raise RebuildInProgress(f"Another process is rebuilding the search index {self}") from None
        # The cyclic collector's full passes walk every object of the process
        # (the whole of Django and the site). Frozen, what exists now is left
        # out of them (and forked workers share it untouched); ``finish()``
        # unfreezes it. Pausing the collector instead was 7% faster at 20,000
        # pages, but a rebuild that fails before finish() would leave it off
        # in a long-lived process; a frozen object left frozen costs nothing.
        gc.freeze()
        with self.store.write_lock():
            self.generation, self.whoosh_index = self.store.create_generation()
            self.store.begin_build(self.generation)
        return self

    def add(self, documents):
        """Add ``documents`` (each with a pk of its own) to the new generation."""
        if not documents:
            return
        self.count += len(documents)
        if self.workers:
            self._send(documents)
        elif self.max_workers > 1:
            self.pending += documents
            if len(self.pending) > self.PARALLEL_AFTER:
                self._start_workers()
        else:
            self._write(documents)

    def finish(self):
        """Write everything out, replay the journal, swap; release the build lock."""
        try:
            self._finish_writing()
            crash_point()
            with self.store.write_lock(timeout=self.SWAP_LOCK_TIMEOUT):
                self._replay_journal()
                previous = self.store.current_generation()
                self.store.swap(self.generation)
                self.store.end_build()
                self.store.remove_old_generations(keep={self.generation, previous})
        finally:
            self.build_lock.release()
            gc.unfreeze()
        logger.debug("Search index %s rebuilt: %d documents", self, self.count)

    # Writing

    def _write(self, documents):
        if self.writer is None:
            self.writer = BulkSegmentWriter(self.whoosh_index)
        for doc in documents:
            self.writer.add_document(**doc)
        if self.writer.postings >= self.FLUSH_POSTINGS:
            self._commit()

    def _commit(self, segments=()):
        """Commit what this process holds, with ``segments`` from workers."""
        if self.writer is None:
            if not segments:
                return
            self.writer = BulkSegmentWriter(self.whoosh_index)
        spelling.teach(self.writer, self.store.language)
        self.writer.commit_with(segments)
        self.writer = None

    def _finish_writing(self):
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
        self._commit(segments)

    # Workers

    def _send(self, documents):
        worker = self.workers[self.next_worker]
        self.next_worker = (self.next_worker + 1) % len(self.workers)
        worker.send(documents)

    def _start_workers(self):
        self._learn_vocabulary(self.pending)
        folder = self.store.dir / self.generation
        self.workers = [
            SegmentWorker(folder, self.store.language, self.FLUSH_POSTINGS) for _ in range(self.max_workers)
        ]
        pending, self.pending = self.pending, []
        share = -(-len(pending) // len(self.workers))
        for start in range(0, len(pending), share):
            self._send(pending[start : start + share])

    def _learn_vocabulary(self, documents):
        # Forked workers start with this process's memory: stemming the words
        # of the held-back documents once here saves each worker doing it.
        normaliser = analysis.normaliser(self.store.language, "text")
        for doc in documents:
            for column, value in doc.items():
                if column.endswith("__t"):
                    normaliser.learn(analysis.words(value))

    # Live writes made during the rebuild

    def _replay_journal(self):
        journal = self.store.dir / self.generation / JOURNAL
        entries = self.store.read_journal(journal)
        if not entries:
            return
        docs = {}
        for entry in entries:
            if entry[0] == "delete":
                docs[entry[1]] = None
            else:
                docs[entry[1]["pk"]] = entry[1]
        writer = BulkSegmentWriter(self.whoosh_index)
        try:
            replace_documents(
                writer,
                [doc for doc in docs.values() if doc is not None],
                [pk for pk, doc in docs.items() if doc is None],
            )
            spelling.teach(writer, self.store.language)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        journal.unlink()
        logger.info("Replayed %d writes made during the rebuild of %s", len(entries), self)
