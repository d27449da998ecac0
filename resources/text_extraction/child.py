"""The child process that reads a PDF or a zip-based document within its time and memory.

``python -m resources.text_extraction.child '{"extension": ..., "memory": ..., "cpu": ...}'``:
the file on stdin, ``{"status", "text", "detail"}`` as JSON on stdout. Started by
``runner._run_child``. It imports nothing from Django: a child that set up the
site would spend its budget (and its memory limit) on that before the file.
"""

import io
import json
import logging
import sys

from .formats import _extract_here


def _child_main():
    options = json.loads(sys.argv[1])
    try:
        import resource

        memory = int(options["memory"])
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        cpu = int(options["cpu"])
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    except (ImportError, ValueError, OSError):  # not Linux, or a limit the system refuses
        pass
    logging.disable(logging.CRITICAL)  # pypdf's warnings would only fill the pipe
    import warnings

    warnings.simplefilter("ignore")
    data = sys.stdin.buffer.read()
    status, text, detail = _extract_here(io.BytesIO(data), options["extension"])
    del data
    out = json.dumps({"status": status, "text": text, "detail": detail[:500]})
    sys.stdout.write(out)
    sys.stdout.flush()


if __name__ == "__main__":
    _child_main()
