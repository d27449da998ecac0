"""modelsearch's index interface: the objects of one root model in one store.

Writes go to the live generation (``IndexStore.apply``): one writer at a time
per index across processes, with a bounded wait. A write that still fails
after a few attempts raises ``IndexWriteError``; the backend sets
``catch_indexing_errors`` so that modelsearch's signal handlers log it and
let the save (a page being published) succeed. ``manage.py search_check
--repair`` later finds and fixes what was missed.
"""

import logging
import time

from modelsearch.backends.base import BaseIndex
from modelsearch.index import class_is_indexed
from whoosh.writing import LockError

from ..engine.locking import LockTimeout
from ..engine.storage import IndexStore
from .mapping import mapping_for

logger = logging.getLogger("search.backend")


class IndexWriteError(Exception):
    """An index write failed even after retrying."""


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
        self.store.reset()

    def write(self, documents, delete_pks=()):
        """Apply a batch of documents and deletions to the live index.

        The attempts share the backend's LOCK_TIMEOUT, so a save waiting for
        the index never waits much longer than that in all.
        """
        delay = 0.05
        lock_wait = self.backend.lock_timeout / self.WRITE_ATTEMPTS
        for attempt in range(1, self.WRITE_ATTEMPTS + 1):
            try:
                self.store.apply(documents, delete_pks, timeout=lock_wait)
                return
            except (LockTimeout, LockError, OSError) as error:
                if attempt == self.WRITE_ATTEMPTS:
                    raise IndexWriteError(
                        f"Could not write to search index {self.name!r} after {attempt} attempts: {error}"
                    ) from error
                logger.warning("Search index %s busy or failing (%s); retrying", self.name, error)
                time.sleep(delay)
                delay *= 4
