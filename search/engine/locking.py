"""An inter-process lock on a file, taken with a bounded wait.

``flock`` locks belong to an open file, so they exclude other processes and
other threads of this process alike, and the kernel releases them when a
process dies: a crashed writer never leaves the index locked.
"""

import fcntl
import os
import time


class LockTimeout(Exception):
    """The lock stayed busy for longer than the allowed wait."""


class FileLock:
    """``with FileLock(path, timeout=...):`` holds an exclusive lock on ``path``."""

    def __init__(self, path, timeout=10.0):
        self.path = path
        self.timeout = timeout
        self._fd = None

    def acquire(self, timeout=None):
        """Wait up to ``timeout`` seconds (``None``: the lock's own) for the lock."""
        timeout = self.timeout if timeout is None else timeout
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        delay = 0.002
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockTimeout(f"{self.path} stayed locked for {timeout:.1f}s") from None
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
            else:
                self._fd = fd
                return self

    def release(self):
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def is_held_elsewhere(self):
        """True if another open file (process or thread) holds the lock now."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return False
        finally:
            os.close(fd)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc_info):
        self.release()
