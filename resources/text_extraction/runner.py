"""Starting the child process (``child.py``) and reading its answer, in the calling process.

Kept apart from ``child.py`` so that the package never imports the module that
``python -m`` is about to run (runpy would warn, and run it twice).
"""

import json
import math
import signal
import subprocess
import sys
import time
from pathlib import Path

from .formats import clean_text
from .limits import FAILED, MEMORY, TIMEOUT, ExtractedText

CHILD_MODULE = "resources.text_extraction.child"
# The child imports ``resources`` as a top-level package: it starts in the project's root.
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _run_child(data, extension, timeout, memory_limit):
    command = [sys.executable, "-m", CHILD_MODULE]
    options = {"extension": extension, "memory": memory_limit, "cpu": math.ceil(timeout) + 1}
    started = time.monotonic()
    try:
        done = subprocess.run(  # noqa: S603 - this Python and our module, no shell; options as JSON
            command + [json.dumps(options)],
            input=data,
            capture_output=True,
            timeout=timeout,
            cwd=PROJECT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ExtractedText("", TIMEOUT, f"no text after {timeout:g} s")
    except OSError as exc:  # no process could be started (a process limit reached)
        return ExtractedText("", FAILED, f"cannot start the extraction: {exc}")
    if done.returncode != 0 or not done.stdout:
        detail = f"exit status {done.returncode}: {done.stderr[-300:]!r}"
        # SIGXCPU is the CPU limit; an allocation refused by RLIMIT_AS may end in
        # MemoryError outside our handler, or abort in C code (a signal).
        if done.returncode == -signal.SIGXCPU or time.monotonic() - started >= timeout:
            return ExtractedText("", TIMEOUT, f"no text after {timeout:g} s")
        if done.returncode < 0 or b"MemoryError" in done.stderr:
            return ExtractedText("", MEMORY, detail)
        return ExtractedText("", FAILED, detail)
    try:
        result = json.loads(done.stdout)
        return ExtractedText(clean_text(result["text"]), result["status"], result.get("detail", ""))
    except (ValueError, KeyError, TypeError) as exc:
        return ExtractedText("", FAILED, f"unreadable answer: {exc}")
