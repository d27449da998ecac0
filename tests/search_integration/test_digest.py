"""A document, and so its digest, does not depend on the order in which the
database returns related rows.

PostgreSQL returns rows without an ORDER BY in whatever order its plan and
its heap give (an UPDATE moves a row to the end of the table, ANALYZE may
change the plan), so the tags, comuni, themes or steps of one page came back
in another order from one query to the next: ``search_check`` reported pages
"stale" right after ``update_index`` and ``--repair`` never converged.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from taggit.models import Tag
from wagtail.models import Page

from ciao.models import Comune
from practices.models import PracticePage
from search.backend.mapping import mapping_for
from tests.factories.practices import make_practice, practice_index
from tests.factories.search import whoosh_settings

pytestmark = pytest.mark.django_db

RELATIONS = ("tags", "comuni", "themes", "target_groups", "steps")


def check(repair=False):
    out = StringIO()
    call_command("search_check", repair=repair, stdout=out)
    return out.getvalue()


@pytest.fixture
def practice(home):
    page = make_practice(
        practice_index(home),
        title="Orti condivisi nei cortili",
        tags=("zucchine", "agrumi", "mele", "basilico"),
        comuni=list(Comune.objects.order_by("pk")[:3]),
        themes=("capacitazione", "inclusione"),
        targets=("donne", "giovani", "famiglie"),
    )
    return page


def loaded(page, descending):
    """``page`` read again, each relation's rows coming back in pk order or in reverse.

    The rows are put where a prefetch puts them (``prefetch_related`` with an
    ordered ``Prefetch`` is not supported by taggit, nor kept by modelcluster).
    """
    order = "-pk" if descending else "pk"
    page = PracticePage.objects.get(pk=page.pk)
    page._prefetched_objects_cache = {}
    for name in RELATIONS:
        rows = getattr(page, name).all().order_by(order)
        list(rows)  # evaluated, as a prefetch leaves it
        page._prefetched_objects_cache[name] = rows
    return page


def test_the_fixture_really_returns_its_relations_in_two_orders(practice):
    forward, backward = loaded(practice, False), loaded(practice, True)
    for name in RELATIONS:
        rows = list(getattr(forward, name).all())
        assert len(rows) >= 2, name
        assert list(getattr(backward, name).all()) == rows[::-1], name


def test_the_document_and_its_digest_ignore_the_order_of_related_rows(practice):
    mapping = mapping_for(PracticePage)

    forward = mapping.document(loaded(practice, False))
    backward = mapping.document(loaded(practice, True))

    assert "zucchine" in forward["practices_practicepage__tags__name__t"]
    assert backward == forward
    assert backward["digest"] == forward["digest"]


def test_steps_keep_the_order_the_editor_gave_them(practice):
    text = mapping_for(PracticePage).texts(loaded(practice, True))["practices_practicepage__steps__title__t"]

    assert text == "Primo passo\nSecondo passo"


def test_search_check_agrees_with_an_index_written_from_rows_in_another_order(whoosh, practice):
    call_command("update_index", stdout=StringIO())
    # The page is written again from rows that came back in the other order.
    whoosh.get_index_for_model(Page).add_items(PracticePage, [loaded(practice, True)])

    assert "matches the database" in check()
    whoosh.get_index_for_model(Page).add_items(PracticePage, [loaded(practice, False)])
    assert "matches the database" in check()


def move_related_rows(parity):
    """Rewrite every other row of the tables behind pages' relations, unchanged.

    On PostgreSQL an UPDATE writes a new row version at the end of the table
    (as any edit does, until VACUUM reuses the space), and ANALYZE may change
    the plans: rows without an ORDER BY come back in another order.
    """
    from events.models import EventPage
    from resources.models import ResourcePage

    tables = {Tag._meta.db_table}
    for model in (PracticePage, EventPage, ResourcePage):
        for field in model._meta.get_fields():
            through = getattr(getattr(field, "remote_field", None), "through", None)
            if field.many_to_many and through is not None:
                tables.add(through._meta.db_table)
            elif field.one_to_many and field.related_model._meta.app_label == model._meta.app_label:
                tables.add(field.related_model._meta.db_table)  # tags, steps, indicators, files...
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f'UPDATE "{table}" SET id = id WHERE id %% 2 = %s', [parity])  # noqa: S608 - our tables
        cursor.execute("ANALYZE")
    return tables


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's row order is what moves")
def test_on_postgresql_search_check_finds_nothing_after_update_index_of_the_demo(demo_site, db, settings, tmp_path):
    settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    tables = move_related_rows(0)
    assert "practices_practicepagetag" in tables and "practices_practicestep" in tables

    call_command("update_index", stdout=StringIO())
    assert "matches the database" in check()

    move_related_rows(1)  # the content is the same, only where its rows lie changed
    report = check()
    assert "matches the database" in report, report
