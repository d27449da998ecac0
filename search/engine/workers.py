"""Worker processes that write segments of a rebuild in parallel.

Turning documents into postings and writing them is pure Python and takes
most of a rebuild; reading the objects and making their documents stays in
the main process. So a large rebuild forks a few workers: the main process
keeps making documents and sends them in batches to the workers, each of
which writes its own segments of the new generation (Whoosh's multi-segment
index, as its ``MpWriter`` does). The main process then commits one table of
contents listing every segment.

Workers are forked, so they share the code already loaded and never import
anything again; they only touch Whoosh files, and leave through
``os._exit`` as multiprocessing's fork children do.
"""

import gc
import multiprocessing
import traceback

from whoosh import index as whoosh_index

from . import spelling
from .writer import BulkSegmentWriter


def fork_available():
    return "fork" in multiprocessing.get_all_start_methods()


def _finish_segment(writer, language):
    spelling.teach(writer, language)
    # Not ``writer._finish()``: it deletes the temporary folder that every
    # writer of this index shares; the main process's commit cleans it up.
    return writer._finalize_segment()


def _write_batches(conn, index_dir, language, flush_postings):
    """Write the batches received on ``conn`` until None; returns the segments."""
    ix = whoosh_index.open_dir(index_dir)
    segments, writer = [], None
    while True:
        batch = conn.recv()
        if batch is None:
            break
        if writer is None:
            # No lock: the main process holds it and commits our segments.
            writer = BulkSegmentWriter(ix, _lk=False)
        for doc in batch:
            writer.add_document(**doc)
        if writer.postings >= flush_postings:
            segments.append(_finish_segment(writer, language))
            writer = None
    if writer is not None:
        segments.append(_finish_segment(writer, language))
    return segments


def _work(conn, index_dir, language, flush_postings):
    # The postings a worker holds are millions of small objects, none in a
    # cycle: each cyclic collection would walk them all for nothing. This
    # process does nothing else and ends with its work, so the collector
    # stays off until it exits: turned back on, its first pass would walk
    # every object made meanwhile (half a second per worker, measured as
    # the main process's wait for the workers to exit).
    gc.disable()
    try:
        conn.send(("ok", _write_batches(conn, index_dir, language, flush_postings)))
    except BaseException:  # noqa: BLE001 - reported to the main process
        conn.send(("error", traceback.format_exc()))
    finally:
        conn.close()


class WorkerError(Exception):
    """A rebuild worker failed; its traceback is in the message."""


class SegmentWorker:
    """One forked worker writing segments of the index in ``index_dir``."""

    def __init__(self, index_dir, language, flush_postings):
        context = multiprocessing.get_context("fork")
        self.conn, child_conn = context.Pipe()
        self.process = context.Process(
            target=_work,
            args=(child_conn, str(index_dir), language, flush_postings),
            daemon=True,
        )
        self.process.start()
        child_conn.close()

    def send(self, batch):
        self.conn.send(batch)

    def close_input(self):
        """No more batches: the worker writes its last segment and reports."""
        try:
            self.conn.send(None)
        except OSError as error:
            raise WorkerError(f"A search rebuild worker died: {error}") from error

    def finish(self):
        """Wait for the worker (after ``close_input``); returns the segments it wrote."""
        try:
            status, result = self.conn.recv()
        except (EOFError, OSError) as error:
            raise WorkerError(f"A search rebuild worker died: {error}") from error
        finally:
            self.conn.close()
            self.process.join()
        if status != "ok":
            raise WorkerError(result)
        return result

    def stop(self):
        self.conn.close()
        self.process.kill()
        self.process.join()
