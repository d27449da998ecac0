"""Keeping the index right: failed writes, drift and its repair, rebuilds."""

import gc
import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from modelsearch.backends import get_search_backend
from modelsearch.test.testapp.models import Book

from search.backend import RebuildInProgress
from search.engine.building import IndexBuilder
from search.engine.locking import FileLock

from .factories import DATABASE_SETTINGS, whoosh_settings

pytestmark = pytest.mark.django_db


def book_index(backend):
    return backend.get_index_for_model(Book)


def found(query):
    return sorted(b.title for b in Book.objects.search(query))


def check(repair=False):
    out = StringIO()
    call_command("search_check", repair=repair, stdout=out)
    return out.getvalue()


def rebuild(**options):
    call_command("rebuild_modelsearch_index", stdout=StringIO(), **options)


def test_a_save_succeeds_when_the_index_is_locked_and_the_failure_is_logged(settings, tmp_path, book, caplog):
    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index", LOCK_TIMEOUT=0.05)
    store = book_index(get_search_backend()).store
    store.open_live()

    with FileLock(str(store.dir / "write.lock")), caplog.at_level(logging.ERROR):
        saved = book("Sportello lavoro")

    assert Book.objects.filter(pk=saved.pk).exists()
    assert "search index" in caplog.text.lower()
    assert found("sportello") == []


def test_search_check_finds_and_repairs_every_kind_of_difference(settings, tmp_path, book):
    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    kept = book("Orto condiviso")
    edited = book("Corso di cucina")
    deleted = book("Laboratorio di sartoria")
    assert "matches the database" in check()
    # From here on the index misses every change.
    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index", AUTO_UPDATE=False)
    missing = book("Tirocini estivi")
    edited.title = "Corso di pasticceria"
    edited.save()
    deleted.delete()

    with pytest.raises(CommandError, match="3 differences"):
        check()
    assert found("tirocini") == [] and found("pasticceria") == []

    report = check(repair=True)

    assert "1 missing, 1 stale, 1 extra" in report
    assert found("tirocini") == [missing.title]
    assert found("pasticceria") == ["Corso di pasticceria"] and found("cucina") == []
    assert found("sartoria") == [] and found("orto") == [kept.title]
    assert "matches the database" in check()


def test_search_check_on_another_backend_has_nothing_to_do(settings):
    settings.MODELSEARCH_BACKENDS = DATABASE_SETTINGS

    assert "nothing to check" in check()


def test_a_missing_index_folder_is_created(settings, tmp_path, book):
    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "not" / "yet" / "there")

    assert found("qualcosa") == []
    book("Qualcosa di nuovo")
    assert found("qualcosa") == ["Qualcosa di nuovo"]


def test_a_rebuild_indexes_everything(whoosh, book):
    for n in range(7):
        book(f"Evento {n}")
    book_index(whoosh).reset()
    assert found("evento") == []

    rebuild(chunk_size=2)

    assert len(found("evento")) == 7


def test_a_book_saved_during_a_rebuild_is_not_lost(whoosh, book):
    book("Evento di apertura")
    rebuilder = whoosh.rebuilder_class(book_index(whoosh))
    builder = rebuilder.start()
    builder.add_items(Book, list(Book.objects.all()))

    book("Evento salvato durante la ricostruzione")
    rebuilder.finish()

    assert found("evento") == ["Evento di apertura", "Evento salvato durante la ricostruzione"]


def test_searches_see_the_old_index_until_the_rebuild_swaps(whoosh, book):
    book("Evento di apertura")
    rebuilder = whoosh.rebuilder_class(book_index(whoosh))
    rebuilder.start()

    assert found("evento") == ["Evento di apertura"]  # nothing added to the new one yet
    rebuilder.finish()
    assert found("evento") == []


def test_only_one_rebuild_at_a_time(whoosh):
    first = whoosh.rebuilder_class(book_index(whoosh))
    first.start()

    with pytest.raises(RebuildInProgress):
        whoosh.rebuilder_class(book_index(whoosh)).start()
    first.finish()


def test_writes_ignore_the_marker_of_a_rebuild_that_died(whoosh, book):
    index = book_index(whoosh)
    rebuilder = whoosh.rebuilder_class(index)
    rebuilder.start()
    rebuilder.build_lock.release()  # as if the rebuilding process had died

    book("Evento dopo il crollo")

    assert index.store.journal_path() is None
    assert found("evento") == ["Evento dopo il crollo"]


def test_a_parallel_rebuild_finds_the_same_books(settings, tmp_path, book, monkeypatch):
    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index", REBUILD_WORKERS=2)
    for n in range(12):
        book(f"Incontro {n}", summary=f"Tirocini e formazione, edizione {n}")
    before = found("tirocini")
    monkeypatch.setattr(IndexBuilder, "PARALLEL_AFTER", 3)

    rebuild(chunk_size=4)

    _name, whoosh_index = book_index(get_search_backend()).store.open_live()
    assert len(whoosh_index._segments()) == 2  # one per worker
    assert found("tirocini") == before and len(before) == 12
    assert [b.title for b in Book.objects.autocomplete("incontr")]
    assert "matches the database" in check()


def test_a_rebuild_leaves_the_garbage_collector_as_it_found_it(settings, tmp_path, book, monkeypatch):
    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index", REBUILD_WORKERS=2)
    for n in range(6):
        book(f"Incontro {n}")
    monkeypatch.setattr(IndexBuilder, "PARALLEL_AFTER", 3)
    assert gc.isenabled()

    rebuild(chunk_size=2)

    assert gc.isenabled()


def test_reset_empties_the_index(whoosh, book):
    book("Evento")
    book_index(whoosh).reset()

    assert found("evento") == []


def test_many_saves_keep_few_segments_and_drop_the_replaced_documents(settings, tmp_path, book):
    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    books = [book(f"Incontro {n}", summary="Tirocini") for n in range(5)]
    rebuild()

    for round_number in range(8):
        for saved in books:
            saved.summary = f"Tirocini, giro {round_number}"
            saved.save()  # each save is one live write, one new segment

    _name, whoosh_index = book_index(get_search_backend()).store.open_live()
    segments = whoosh_index._segments()
    # 40 single writes: without merging, 40 segments holding 46 documents.
    assert len(segments) <= 5
    assert sum(s.doc_count_all() for s in segments) < 30
    assert found("giro") == sorted(b.title for b in books)


def test_an_index_analysed_by_an_older_analysis_is_reported_and_repaired(settings, tmp_path, book, monkeypatch):
    from search.engine import analysis

    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    book("Sportello lavoro")
    rebuild()
    monkeypatch.setattr(analysis, "VERSION", analysis.VERSION + 1)

    with pytest.raises(CommandError, match="1 differences"):
        check()
    check(repair=True)
    assert "matches the database" in check()


def test_after_a_write_a_filter_is_searched_again_only_in_the_new_segment(settings, tmp_path, book, monkeypatch):
    from search.engine.reading import Reader

    settings.MODELSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    books = [book(f"Corso {n}", pages=100 + n) for n in range(6)]
    rebuild()  # one segment with every book

    def long_courses():
        return sorted(b.title for b in Book.objects.filter(number_of_pages__gte=103).search("corso"))

    searched = []
    search_segment = Reader._search_segment
    monkeypatch.setattr(
        Reader, "_search_segment", staticmethod(lambda s, q: searched.append(q) or search_segment(s, q))
    )
    assert long_courses() == ["Corso 3", "Corso 4", "Corso 5"]
    assert searched, "the filter was not searched by segment"
    searched.clear()

    shortened = books[4]
    shortened.number_of_pages = 50
    shortened.save()  # a new segment with the book; its old document marked deleted
    book("Corso nuovo", pages=300)  # another new segment
    assert long_courses() == ["Corso 3", "Corso 5", "Corso nuovo"]
    # The big segment's matches were kept: only the two new ones were searched (the filter and
    # the books' type, each once per new segment).
    _name, whoosh_index = book_index(get_search_backend()).store.open_live()
    assert len(whoosh_index._segments()) == 3
    assert len(searched) == 2 * 2, searched


class FakeSegment:
    def __init__(self, docs):
        self.docs = docs

    def doc_count_all(self):
        return self.docs

    def close(self):  # as the reader merge_small_ones opens on it
        pass


def test_a_publish_never_rewrites_a_large_segment(monkeypatch):
    """The segments of a parallel rebuild (thousands of documents each) wait for the next rebuild:
    merging two of them kept the first publish after a rebuild waiting 23 s at 20,000 pages."""
    from search.engine import writer

    merged = []
    monkeypatch.setattr(writer, "SegmentReader", lambda storage, schema, segment: segment)

    class Writer:
        storage = schema = None

        def add_reader(self, segment):
            merged.append(segment.docs)

    rebuild_segments = [FakeSegment(n) for n in (6039, 5021, 4512, 4490)]
    kept = writer.merge_small_ones(Writer(), [*rebuild_segments, FakeSegment(1)])
    assert merged == []
    assert len(kept) == 5

    # Two live segments of the same level are still merged into the one being written.
    small = [FakeSegment(120), FakeSegment(90)]
    kept = writer.merge_small_ones(Writer(), [*rebuild_segments, *small, FakeSegment(1)])
    assert sorted(merged) == [90, 120]
    assert len(kept) == 5
