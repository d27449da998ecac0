"""The folder of one index: generations, the pointer to the live one, locks.

::

    <PATH>/<index name>/
        CURRENT        name of the live generation (replaced atomically)
        BUILDING       name of the generation a rebuild is filling, if any
        write.lock     held by whoever writes to the live generation or swaps
        build.lock     held by a running rebuild for its whole duration
        g-<stamp>/     one complete Whoosh index (a "generation")
            journal    writes made while this generation was being built

A rebuild fills a new generation and then replaces ``CURRENT``, so a search
opens either the old index or the new one, never half of one. Searches keep
one Whoosh searcher per thread and process, reopened only when ``CURRENT`` or
the live generation's table of contents changes.
"""

import logging
import os
import pickle
import secrets
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import Term
from whoosh.reading import ReaderClosed

from .locking import FileLock, LockTimeout
from .scoring import FastBM25F
from .schema import build_schema

logger = logging.getLogger("search.backend")

CURRENT = "CURRENT"
BUILDING = "BUILDING"
JOURNAL = "journal"
LEXICON_PREFIX = "~lexicon~"  # pk of the documents that only carry spelling words

_local = threading.local()


class IndexStore:
    """The on-disk index named ``name`` under ``path``."""

    def __init__(self, path, name, language, lock_timeout=10.0):
        self.dir = Path(path) / name
        self.name = name
        self.language = language
        self.lock_timeout = lock_timeout

    # Locks and markers

    def write_lock(self, timeout=None):
        return FileLock(
            str(self._ensure_dir() / "write.lock"),
            self.lock_timeout if timeout is None else timeout,
        )

    def build_lock(self):
        return FileLock(str(self._ensure_dir() / "build.lock"), 0)

    def _ensure_dir(self):
        self.dir.mkdir(parents=True, exist_ok=True)
        return self.dir

    def _read_marker(self, marker):
        try:
            return (self.dir / marker).read_text().strip() or None
        except FileNotFoundError:
            return None

    def _write_marker(self, marker, value):
        tmp = self.dir / f".{marker}.{secrets.token_hex(4)}"
        tmp.write_text(value)
        os.replace(tmp, self.dir / marker)

    def current_generation(self):
        return self._read_marker(CURRENT)

    # Generations

    def create_generation(self):
        """Create an empty generation folder; returns (name, Whoosh index)."""
        name = f"g-{time.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}"
        folder = self._ensure_dir() / name
        folder.mkdir()
        return name, whoosh_index.create_in(str(folder), build_schema(self.language))

    def open_generation(self, name):
        return whoosh_index.open_dir(str(self.dir / name))

    def open_live(self):
        """The live generation, created (empty) if there is none yet."""
        name = self.current_generation()
        if name is not None and (self.dir / name).is_dir():
            return name, self.open_generation(name)
        with self.write_lock():
            return self.open_live_locked()

    def open_live_locked(self):
        """Like ``open_live``, for a caller that holds the write lock."""
        name = self.current_generation()
        if name is not None and (self.dir / name).is_dir():
            return name, self.open_generation(name)
        name, ix = self.create_generation()
        self._write_marker(CURRENT, name)
        return name, ix

    def swap(self, name):
        """Make generation ``name`` the live one (caller holds the write lock)."""
        self._write_marker(CURRENT, name)

    def remove_old_generations(self, keep):
        """Delete generation folders not in ``keep`` (caller holds the write lock).

        The one replaced last is kept by the caller, so a search that opened it
        just before the swap can finish on it.
        """
        for child in self.dir.iterdir():
            if child.is_dir() and child.name.startswith("g-") and child.name not in keep:
                shutil.rmtree(child, ignore_errors=True)

    # Rebuild journal

    def begin_build(self, name):
        self._write_marker(BUILDING, name)

    def end_build(self):
        try:
            (self.dir / BUILDING).unlink()
        except FileNotFoundError:
            pass

    def journal_path(self):
        """Where live writes must also be recorded, if a rebuild is running."""
        name = self._read_marker(BUILDING)
        if name is None or not (self.dir / name).is_dir():
            return None
        if not self.build_lock().is_held_elsewhere():
            # The rebuild that wrote the marker died; nothing will read it.
            self.end_build()
            return None
        return self.dir / name / JOURNAL

    @staticmethod
    def append_journal(path, entries):
        with open(path, "ab") as f:
            for entry in entries:
                pickle.dump(entry, f, protocol=pickle.HIGHEST_PROTOCOL)

    @staticmethod
    def read_journal(path):
        entries = []
        try:
            with open(path, "rb") as f:
                while True:
                    try:
                        entries.append(pickle.load(f))
                    except EOFError:
                        break
        except FileNotFoundError:
            pass
        return entries

    # Reading

    def searcher(self):
        """A ``Reader`` on the live generation, shared by this thread."""
        cache = getattr(_local, "readers", None)
        if cache is None or getattr(_local, "pid", None) != os.getpid():
            cache = _local.readers = {}
            _local.pid = os.getpid()
        key = str(self.dir)
        reader = cache.get(key)
        try:
            stamp = os.stat(self.dir / CURRENT)
            stamp = (stamp.st_ino, stamp.st_mtime_ns)
        except FileNotFoundError:
            stamp = None
        if reader is not None and reader.stamp == stamp and stamp is not None:
            fresh = reader.refreshed()
            if fresh is not None:
                cache[key] = fresh
                return fresh
        name, ix = self.open_live()
        if stamp is None:
            stamp = os.stat(self.dir / CURRENT)
            stamp = (stamp.st_ino, stamp.st_mtime_ns)
        reader = cache[key] = Reader(ix.searcher(weighting=FastBM25F()), stamp, name)
        return reader

    def forget_searcher(self):
        """Drop this thread's searcher (after an error, or to release files)."""
        cache = getattr(_local, "readers", None)
        if cache:
            reader = cache.pop(str(self.dir), None)
            if reader is not None:
                reader.close()


class Reader:
    """A Whoosh searcher plus what can be cached while the index is unchanged:
    the documents matching a filter, and the map between docnums and pks."""

    FILTER_CACHE_SIZE = 64

    def __init__(self, searcher, stamp, generation):
        self.searcher = searcher
        self.stamp = stamp
        self.generation = generation
        self._filters = {}
        self._pks = None
        self._docnums = None
        self._pk_column = None

    def refreshed(self):
        """This reader, or one on the latest commit; None if that failed."""
        if self.searcher.up_to_date():
            return self
        try:
            return Reader(self.searcher.refresh(), self.stamp, self.generation)
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
            pass

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
        return self.cached(query, lambda: set(self.searcher.docs_for_query(query)))

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


__all__ = ["IndexStore", "Reader", "LockTimeout", "LEXICON_PREFIX"]
