"""The spelling dictionary learns the words of what is written, passed from
the writer that indexed them: nothing is kept between writes."""

import tempfile

import pytest
from modelsearch.test.testapp.models import Book
from whoosh import index as whoosh_index

from search import extras
from search.engine import spelling
from search.engine.schema import build_schema
from search.engine.writer import BulkSegmentWriter


def new_index():
    return whoosh_index.create_in(tempfile.mkdtemp(), build_schema("it"))


def test_a_writer_keeps_the_words_of_the_text_it_indexes():
    writer = BulkSegmentWriter(new_index())

    writer.add_document(pk="1", body__t="Tirocini in città", title__p="Completamento", tag__v=["etichetta"])

    assert writer.seen_words == {"Tirocini", "in", "città"}
    writer.cancel()


def test_two_writers_do_not_share_their_words():
    first, second = BulkSegmentWriter(new_index()), BulkSegmentWriter(new_index())

    first.add_document(pk="1", body__t="orti")
    second.add_document(pk="2", body__t="sartoria")

    assert first.seen_words == {"orti"} and second.seen_words == {"sartoria"}
    first.cancel()
    second.cancel()


def test_the_dictionary_takes_real_words_as_written():
    entries = spelling.dictionary_words({"Città", "della", "2024", "di", "Tirocini", "xy"}, "it")

    assert entries == {"città": 1, "tirocini": 1}


def test_teach_adds_only_the_words_the_index_lacks():
    ix = new_index()
    writer = BulkSegmentWriter(ix)
    writer.add_document(pk="1", body__t="orti condivisi")
    spelling.teach(writer, "it")
    writer.commit()

    writer = BulkSegmentWriter(ix)
    writer.add_document(pk="2", body__t="orti urbani")
    with ix.searcher() as searcher:
        spelling.teach(writer, "it", known_by=searcher.reader())
    writer.commit()

    with ix.searcher() as searcher:
        reader = searcher.reader()
        assert sorted(reader.lexicon("spelling")) == [b"condivisi", b"orti", b"urbani"]
        assert reader.doc_frequency("spelling", "orti") == 1


@pytest.mark.django_db
def test_a_write_during_a_rebuild_does_not_take_the_rebuilds_words(whoosh, book):
    # With one set of words for the whole process, the live write emptied it
    # and the rebuild's dictionary lost the words of what it had written so far.
    book("Laboratorio di zefirantina", summary="Una parola rara.")
    rebuilder = whoosh.rebuilder_class(whoosh.get_index_for_model(Book))
    rebuilder.start().add_items(Book, list(Book.objects.all()))

    book("Corso di cucina")
    rebuilder.finish()

    assert extras.spelling_suggestion("zefirentina", Book.objects.all()) == "zefirantina"
