"""Writing to the live index: add, update, delete, reset.

One writer at a time per index, across processes: every write takes the
index's ``write.lock`` (bounded wait), writes a small segment and commits
before releasing it; segments are merged only once there are many. A write
that still fails
after a few attempts raises ``IndexWriteError``; the backend sets
``catch_indexing_errors`` so that modelsearch's signal handlers log it and
let the save (a page being published) succeed. ``manage.py search_check
--repair`` later finds and fixes what was missed.

While a rebuild is filling a new generation, each write is also appended to
that generation's journal, which the rebuild replays before it swaps the
generations: a page published during ``update_index`` is not lost.
"""

import logging
import secrets
import time

from modelsearch.backends.base import BaseIndex
from modelsearch.index import class_is_indexed
from whoosh.query import Or, Term
from whoosh.writing import MERGE_SMALL, LockError

from . import analysis
from .locking import LockTimeout
from .mapping import mapping_for, spelling_words
from .storage import LEXICON_PREFIX, IndexStore
from .writer import BulkSegmentWriter

logger = logging.getLogger("search.backend")

# Live writes add a small segment each; past this many they get merged.
MAX_SEGMENTS = 10


class IndexWriteError(Exception):
    """An index write failed even after retrying."""


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
    for doc in docs:
        writer.add_document(**doc)


def merge_when_many(writer, segments):
    """Whoosh merge policy for live writes: leave segments alone until there
    are many, so that publishing one page does not rewrite the recent ones."""
    if len(segments) < MAX_SEGMENTS:
        return segments
    return MERGE_SMALL(writer, segments)


def lexicon_document(words):
    """A document that only adds ``words`` ({word: count}) to the spelling field."""
    return {"pk": LEXICON_PREFIX + secrets.token_hex(8), "spelling": words}


class WhooshIndex(BaseIndex):
    """The index of one root model (e.g. all pages) in its own folder."""

    WRITE_ATTEMPTS = 3

    def __init__(self, backend, name):
        super().__init__(backend)
        self.name = name
        self.store = IndexStore(backend.path, name, backend.language, backend.lock_timeout)

    def get_key(self):
        return self.name

    def __str__(self):
        return self.name

    def documents(self, model, items):
        """The documents of ``items`` of ``model``, the last one per pk."""
        mapping = mapping_for(model)
        docs = {}
        for item in items:
            doc = mapping.document(item)
            docs[doc["pk"]] = doc
        return list(docs.values())

    def add_items(self, model, items):
        if not class_is_indexed(model) or not items:
            return
        self.write(self.documents(model, items))

    def delete_item(self, item):
        self.write([], delete_pks=[str(item.pk)])

    def reset(self):
        with self.store.write_lock():
            previous = self.store.current_generation()
            name, _ix = self.store.create_generation()
            self.store.swap(name)
            self.store.remove_old_generations(keep={name, previous})

    def write(self, documents, delete_pks=()):
        """Apply a batch of documents and deletions to the live index.

        The attempts share the backend's LOCK_TIMEOUT, so a save waiting for
        the index never waits much longer than that in all.
        """
        delay = 0.05
        lock_wait = self.backend.lock_timeout / self.WRITE_ATTEMPTS
        for attempt in range(1, self.WRITE_ATTEMPTS + 1):
            try:
                self._write_once(documents, delete_pks, lock_wait)
                return
            except (LockTimeout, LockError, OSError) as error:
                if attempt == self.WRITE_ATTEMPTS:
                    raise IndexWriteError(
                        f"Could not write to search index {self.name!r} "
                        f"after {attempt} attempts: {error}"
                    ) from error
                logger.warning(
                    "Search index %s busy or failing (%s); retrying", self.name, error
                )
                time.sleep(delay)
                delay *= 4

    def _write_once(self, documents, delete_pks, lock_wait):
        with self.store.write_lock(timeout=lock_wait):
            _name, ix = self.store.open_live_locked()
            writer = BulkSegmentWriter(ix)
            try:
                with writer.searcher() as searcher:
                    analysis.take_words()
                    replace_documents(writer, documents, delete_pks, searcher)
                    new_words = self._new_words(searcher.reader(), analysis.take_words())
                if new_words:
                    writer.add_document(**lexicon_document(new_words))
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=merge_when_many)
            journal = self.store.journal_path()
            if journal is not None:
                entries = [("delete", pk) for pk in delete_pks]
                entries += [("add", doc) for doc in documents]
                self.store.append_journal(journal, entries)

    def _new_words(self, reader, seen):
        """Spelling entries for the words ``seen`` that the index does not know yet."""
        words = spelling_words(seen, self.backend.language)
        return {w: n for w, n in words.items() if ("spelling", w) not in reader}
