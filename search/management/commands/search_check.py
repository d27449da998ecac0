"""``manage.py search_check [--repair]``: compare the search index with the database.

For every indexed model, each object that should be in the index (its
``get_indexed_objects()``; for pages, every page with its live flag) is
turned into the document the index would hold, and compared by digest with
what the live index holds. Differences are of three kinds:

- missing: in the database, not in the index (a write failed or was lost);
- stale: in both, but the index holds old content or an old live flag;
- extra: in the index, no longer in the database (a deletion was lost).

A document does not depend on the order in which the database returns related
rows (tags, many-to-many, children; ``mapping._in_stable_order``), so the same
content has the same digest whichever query read it.

Without ``--repair`` the command reports them and exits with status 1 if there
are any, so it can run from cron; with ``--repair`` it rewrites the missing and
stale documents and deletes the extra ones.
"""

from django.core.management.base import BaseCommand, CommandError
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import group_models_by_index

from ...backend import WhooshSearchBackend
from ...backend.mapping import mapping_for
from ...engine.spelling import is_lexicon
from ..chunks import in_key_order

CHUNK = 500
SHOWN = 10


def _objects(model):
    """``model.get_indexed_objects()``, read by key (as ``search_rebuild`` reads them)."""
    for chunk in in_key_order(model.get_indexed_objects(), CHUNK):
        yield from chunk


def _expected(models):
    """{pk: (model, digest)} of what a rebuild would write, in the same order."""
    expected = {}
    for model in models:
        mapping = mapping_for(model)
        for obj in _objects(model):
            expected[str(obj.pk)] = (model, mapping.document(obj)["digest"])
    return expected


def _actual(index):
    """{pk: digest} of what the live index holds."""
    reader = index.store.searcher().reader
    if not reader.doc_count():
        return {}
    pks = reader.column_reader("pk")
    digests = reader.column_reader("digest")
    return {pks[docnum]: digests[docnum] for docnum in reader.all_doc_ids() if not is_lexicon(pks[docnum])}


class Command(BaseCommand):
    help = "Find (and with --repair, fix) differences between the search index and the database."

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Fix the differences found.")
        parser.add_argument("--backend", default="default", help="Search backend to check.")

    def handle(self, *args, repair=False, backend="default", **options):
        search_backend = get_search_backend(backend)
        if not isinstance(search_backend, WhooshSearchBackend):
            self.stdout.write(f"Backend {backend!r} keeps no index of its own: nothing to check.")
            return
        differences = 0
        for index, models in group_models_by_index(search_backend, get_indexed_models()).items():
            differences += self.check_index(index, models, repair)
        if not differences:
            self.stdout.write(self.style.SUCCESS("The search index matches the database."))
        elif repair:
            self.stdout.write(self.style.SUCCESS(f"Repaired {differences} differences."))
        else:
            raise CommandError(f"{differences} differences; run with --repair to fix them.")

    def check_index(self, index, models, repair):
        expected = _expected(models)
        actual = _actual(index)
        missing = sorted(pk for pk in expected if pk not in actual)
        stale = sorted(pk for pk in expected if pk in actual and actual[pk] != expected[pk][1])
        extra = sorted(pk for pk in actual if pk not in expected)
        self.stdout.write(
            f"{index}: {len(expected)} objects, {len(actual)} indexed; "
            f"{len(missing)} missing, {len(stale)} stale, {len(extra)} extra"
        )
        for label, pks in (("missing", missing), ("stale", stale), ("extra", extra)):
            for pk in pks[:SHOWN]:
                model = expected[pk][0].__name__ if pk in expected else "?"
                self.stdout.write(f"  {label}: {model} {pk}")
            if len(pks) > SHOWN:
                self.stdout.write(f"  ... and {len(pks) - SHOWN} more {label}")
        if repair and (missing or stale or extra):
            self.repair(index, expected, missing + stale, extra)
        return len(missing) + len(stale) + len(extra)

    def repair(self, index, expected, to_write, to_delete):
        by_model = {}
        for pk in to_write:
            by_model.setdefault(expected[pk][0], []).append(pk)
        for model, pks in by_model.items():
            for start in range(0, len(pks), CHUNK):
                objects = model.get_indexed_objects().filter(pk__in=pks[start : start + CHUNK])
                index.write(index.documents(model, list(objects)))
        if to_delete:
            index.write([], delete_pks=to_delete)
