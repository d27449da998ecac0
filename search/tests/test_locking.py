"""One writer at a time, across processes, with a bounded wait."""

import multiprocessing
import time
from pathlib import Path

import pytest

from search.engine.locking import FileLock, LockTimeout


def _hold(path, ready, release):
    # Files, not multiprocessing events: a killed holder must not leave a
    # semaphore of the test itself locked.
    with FileLock(path):
        Path(ready).touch()
        deadline = time.monotonic() + 10
        while not Path(release).exists() and time.monotonic() < deadline:
            time.sleep(0.01)


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock until told to let go (or killed)."""
    path, ready, release = (str(tmp_path / name) for name in ("write.lock", "ready", "release"))
    process = multiprocessing.get_context("fork").Process(target=_hold, args=(path, ready, release))
    process.start()
    deadline = time.monotonic() + 10
    while not Path(ready).exists():
        assert time.monotonic() < deadline, "the holder never took the lock"
        time.sleep(0.01)
    yield path, process, lambda: Path(release).touch()
    Path(release).touch()
    process.join(10)


def test_a_busy_lock_is_given_up_after_the_wait(holder):
    path, _process, _release = holder
    started = time.monotonic()

    with pytest.raises(LockTimeout):
        FileLock(path, timeout=0.3).acquire()
    assert 0.3 <= time.monotonic() - started < 2


def test_the_lock_is_taken_as_soon_as_it_is_released(holder):
    path, _process, release = holder
    release()

    with FileLock(path, timeout=5):
        pass


def test_a_dead_holder_leaves_the_lock_free(holder):
    path, process, _release = holder
    process.kill()
    process.join(10)

    with FileLock(path, timeout=1):
        pass
