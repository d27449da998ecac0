"""``search_rebuild``: modelsearch's rebuild command, reading objects by key."""

from io import StringIO

import pytest
from django.core.management import call_command, get_commands
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.test.testapp.models import Book

from search.management.chunks import in_key_order

pytestmark = pytest.mark.django_db


def test_search_rebuild_indexes_everything(whoosh, book):
    for n in range(7):
        book(f"Evento {n}")
    whoosh.get_index_for_model(Book).reset()

    out = StringIO()
    call_command("search_rebuild", stdout=out, chunk_size=2)

    assert Book.objects.search("evento").count() == 7
    assert "indexed" in out.getvalue()


def test_search_rebuild_reads_without_offset(whoosh, book):
    for n in range(7):
        book(f"Evento {n}")

    with CaptureQueriesContext(connection) as queries:
        call_command("search_rebuild", stdout=StringIO(), chunk_size=2)

    book_queries = [q["sql"] for q in queries if 'FROM "searchtests_book"' in q["sql"]]
    assert book_queries and not any("OFFSET" in sql for sql in book_queries)


def test_chunks_in_key_order_cover_every_object_once(book):
    books = [book(f"Libro {n}") for n in range(5)]

    chunks = list(in_key_order(Book.objects.order_by("-title"), 2))

    assert [len(chunk) for chunk in chunks] == [2, 2, 1]
    assert [b.pk for chunk in chunks for b in chunk] == sorted(b.pk for b in books)


def test_the_package_overrides_no_command_of_modelsearch():
    assert get_commands()["rebuild_modelsearch_index"] == "modelsearch"
    assert "update_index" not in {name for name, app in get_commands().items() if app == "search"}
