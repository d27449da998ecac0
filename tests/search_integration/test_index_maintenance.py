"""Keeping the index right: failed writes, drift and its repair, rebuilds."""

import logging
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from ciao.models import StandardPage
from search.engine.building import IndexBuilder
from search.engine.locking import FileLock
from tests.factories.search import DATABASE_SETTINGS, whoosh_settings

pytestmark = pytest.mark.django_db


def page_index(backend):
    return backend.get_index_for_model(Page)


def found(query):
    return [p.title for p in StandardPage.objects.live().search(query)]


def check(repair=False):
    out = StringIO()
    call_command("search_check", repair=repair, stdout=out)
    return out.getvalue()


def test_publishing_succeeds_when_the_index_is_locked_and_the_failure_is_logged(settings, tmp_path, publish, caplog):
    settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "index", LOCK_TIMEOUT=0.05)
    backend = get_search_backend()
    page_index(backend).store.open_live()
    lock = FileLock(str(page_index(backend).store.dir / "write.lock"))

    with lock, caplog.at_level(logging.ERROR):
        page = publish("Sportello lavoro")

    assert Page.objects.get(pk=page.pk).live
    assert "Sportello lavoro" in caplog.text or "search index" in caplog.text.lower()
    assert found("sportello") == []


def test_search_check_finds_and_repairs_every_kind_of_difference(settings, tmp_path, publish):
    settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "index")
    kept = publish("Orto condiviso")
    edited = publish("Corso di cucina")
    deleted = publish("Laboratorio di sartoria")
    # Vocabularies seeded by migrations were indexed elsewhere: start in step.
    call_command("update_index", stdout=StringIO())
    assert "matches the database" in check()
    # From here on the index misses every change.
    settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "index", AUTO_UPDATE=False)
    missing = publish("Tirocini estivi")
    edited.title = "Corso di pasticceria"
    edited.save_revision().publish()
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
    settings.WAGTAILSEARCH_BACKENDS = DATABASE_SETTINGS

    assert "nothing to check" in check()


def test_a_missing_index_folder_is_created(settings, tmp_path, publish):
    settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "not" / "yet" / "there")

    assert found("qualcosa") == []
    publish("Qualcosa di nuovo")
    assert found("qualcosa") == ["Qualcosa di nuovo"]


def test_update_index_rebuilds_everything(whoosh, publish):
    for n in range(7):
        publish(f"Evento {n}")
    page_index(whoosh).reset()
    assert found("evento") == []

    call_command("update_index", stdout=StringIO(), chunk_size=2)

    assert len(found("evento")) == 7


def test_a_page_published_during_a_rebuild_is_not_lost(whoosh, publish):
    publish("Evento di apertura")
    rebuilder = whoosh.rebuilder_class(page_index(whoosh))
    builder = rebuilder.start()
    builder.add_items(StandardPage, list(StandardPage.objects.all()))

    publish("Evento pubblicato durante la ricostruzione")
    rebuilder.finish()

    assert sorted(found("evento")) == [
        "Evento di apertura",
        "Evento pubblicato durante la ricostruzione",
    ]


def test_searches_see_the_old_index_until_the_rebuild_swaps(whoosh, publish):
    publish("Evento di apertura")
    rebuilder = whoosh.rebuilder_class(page_index(whoosh))
    rebuilder.start()

    assert found("evento") == ["Evento di apertura"]  # nothing added to the new one yet
    rebuilder.finish()
    assert found("evento") == []


def test_writes_ignore_the_marker_of_a_rebuild_that_died(whoosh, publish):
    index = page_index(whoosh)
    rebuilder = whoosh.rebuilder_class(index)
    rebuilder.start()
    rebuilder.build_lock.release()  # as if the rebuilding process had died

    publish("Evento dopo il crollo")

    assert index.store.journal_path() is None
    assert found("evento") == ["Evento dopo il crollo"]


def test_a_parallel_rebuild_finds_the_same_pages(settings, tmp_path, publish, monkeypatch):
    settings.WAGTAILSEARCH_BACKENDS = whoosh_settings(tmp_path / "index", REBUILD_WORKERS=2)
    for n in range(12):
        publish(f"Incontro {n}", body=f"Tirocini e formazione, edizione {n}")
    before = sorted(found("tirocini"))
    monkeypatch.setattr(IndexBuilder, "PARALLEL_AFTER", 3)

    call_command("update_index", stdout=StringIO(), chunk_size=4)

    _name, whoosh_index = page_index(get_search_backend()).store.open_live()
    assert len(whoosh_index._segments()) == 2  # one per worker
    assert sorted(found("tirocini")) == before and len(before) == 12
    assert [p.title for p in StandardPage.objects.live().autocomplete("incontr")]
    assert "matches the database" in check()


def test_reset_empties_the_index(whoosh, publish):
    publish("Evento")
    page_index(whoosh).reset()

    assert found("evento") == []
