"""The folder of one index: generations, the pointer to the live one, locks.

::

    <PATH>/<index name>/
        CURRENT        name of the live generation (replaced atomically)
        BUILDING       name of the generation a rebuild is filling, if any
        write.lock     held by whoever writes to the live generation or swaps
        build.lock     held by a running rebuild for its whole duration
        g-<stamp>/     one complete Whoosh index (a "generation")
            journal    writes made while this generation was being built

A rebuild (see ``building``) fills a new generation and then replaces
``CURRENT``, so a search opens either the old index or the new one, never
half of one. Live writes (``apply``) take ``write.lock`` (bounded wait),
write a small segment and commit before releasing it; while a rebuild runs
they are also appended to its journal, which the rebuild replays before it
swaps. Searches go through ``searcher()`` (see ``reading``).
"""

import os
import pickle
import secrets
import shutil
import time
from pathlib import Path

from whoosh import index as whoosh_index

from . import spelling
from .crash_points import crash_point
from .locking import FileLock
from .reading import Reader, ReaderCache
from .schema import build_schema
from .writer import BulkSegmentWriter, merge_small_ones, replace_documents

CURRENT = "CURRENT"
BUILDING = "BUILDING"
JOURNAL = "journal"

# Every thread's searchers, by index folder (see ``reading``).
_readers = ReaderCache()


class IndexStore:
    """The on-disk index named ``name`` under ``path``, analysed for ``language``."""

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

    # Live writes

    def apply(self, documents, delete_pks=(), timeout=None):
        """Replace ``documents`` (by pk) and delete ``delete_pks`` in the live
        generation, as one commit under the write lock (waiting up to
        ``timeout`` seconds for it, by default the store's own wait).

        Raises ``LockTimeout`` if the lock stays busy, and whatever Whoosh
        raises if the write fails; the live index is then unchanged.
        """
        with self.write_lock(timeout=timeout):
            _name, ix = self.open_live_locked()
            writer = BulkSegmentWriter(ix)
            try:
                with writer.searcher() as searcher:
                    replace_documents(writer, documents, delete_pks, searcher)
                    spelling.teach(writer, self.language, known_by=searcher.reader())
                crash_point()
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=merge_small_ones)
            journal = self.journal_path()
            if journal is not None:
                entries = [("delete", pk) for pk in delete_pks]
                entries += [("add", doc) for doc in documents]
                self.append_journal(journal, entries)

    def reset(self):
        """Make a new, empty generation the live one."""
        with self.write_lock():
            previous = self.current_generation()
            name, _ix = self.create_generation()
            self.swap(name)
            self.remove_old_generations(keep={name, previous})

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
                        entries.append(pickle.load(f))  # noqa: S301 - a journal only this index writes, in its own folder
                    except EOFError:
                        break
        except FileNotFoundError:
            pass
        return entries

    # Reading

    def searcher(self):
        """A ``Reader`` on the live generation, shared by this thread."""
        key = str(self.dir)
        reader = _readers.get(key)
        stamp = self._current_stamp()
        if reader is not None and reader.stamp == stamp and stamp is not None:
            fresh = reader.refreshed()
            if fresh is not None:
                return _readers.put(key, fresh)
        name, ix = self.open_live()
        if stamp is None:
            stamp = self._current_stamp()
        return _readers.put(key, Reader.open(ix, stamp, name))

    def forget_searcher(self):
        """Drop this thread's searcher (after an error, or to release files)."""
        _readers.forget(str(self.dir))

    def _current_stamp(self):
        """What changes when ``CURRENT`` is replaced."""
        try:
            stat = os.stat(self.dir / CURRENT)
        except FileNotFoundError:
            return None
        return (stat.st_ino, stat.st_mtime_ns)
