"""A pause at the riskiest moments of index writes, for crash tests only.

``SEARCH_TEST_PAUSE_FILE`` names a file: while that file exists, a live write
waits after its segment is written and before it commits (holding the write
lock), and a rebuild waits after its new generation is written and before it
swaps. A test (``tests/ciao/test_crashes.py``) kills the process there, at a
moment it can see, rather than hoping a kill lands inside a write. Unset, as
it always is outside those tests, a crash point costs one environment lookup.
While it waits, the file ``<that name>.waiting`` holds the waiting process's id.
"""

import os
import time

PAUSE_FILE = "SEARCH_TEST_PAUSE_FILE"
LONGEST_PAUSE = 60.0


def crash_point():
    """Wait while the file named by ``SEARCH_TEST_PAUSE_FILE`` exists (at most a minute)."""
    path = os.environ.get(PAUSE_FILE)
    if not path:
        return
    deadline = time.monotonic() + LONGEST_PAUSE
    if os.path.exists(path):
        with open(f"{path}.waiting", "w") as waiting:
            waiting.write(str(os.getpid()))
    while os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.05)
