"""The database as JSON lines, one file per table, read and written engine-neutrally.

Every row keeps its primary key, content types and permissions included: Wagtail's
revisions hold content type ids inside their JSON, and StreamFields hold page, image
and document ids, so ids must survive the trip (natural keys would not reach them).
So a restore empties the migrated database and loads every row as it was.

Rows are written with each field's own conversion (``value_to_string``: dates in
ISO 8601 to the microsecond, decimals as text, JSON as JSON) and read back with the
field's ``to_python`` of the *historical* models at the archive's migration state,
so an archive made before a migration loads into that state and is migrated forward.
"""

import contextlib
import hashlib
import json
from pathlib import Path

from django.apps import apps as current_apps
from django.core.management.color import no_style
from django.db import models, transaction

# Not content: logins in progress and failed-login counters (a restored session key would
# let its holder in), and the database search backend's index, rebuilt after a restore.
EXCLUDED_APPS = {"sessions", "axes", "wagtailsearch"}
PLAIN = (str, int, float, bool)


def tables_to_dump(apps=current_apps):
    """Concrete managed models with a table of their own, each after the tables it refers to."""
    models_ = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.app_label not in EXCLUDED_APPS
    ]
    return in_dependency_order(models_)


def in_dependency_order(models_):
    """Parents and referenced tables first (cycles, such as a page's latest revision, broken by name).

    The order is for readers and for databases that check references at once; the load
    itself checks references at commit (Django declares them deferrable).
    """
    remaining = {model._meta.label: model for model in models_}
    depends = {
        label: {
            field.related_model._meta.label
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is not None
        }
        - {label}
        for label, model in remaining.items()
    }
    ordered = []
    while remaining:
        ready = sorted(label for label in remaining if not (depends[label] & remaining.keys()))
        for label in ready or [min(remaining)]:
            ordered.append(remaining.pop(label))
    return ordered


@contextlib.contextmanager
def read_snapshot(connection):
    """Everything read inside sees the database at one moment.

    PostgreSQL: one REPEATABLE READ, READ ONLY transaction. SQLite: one deferred
    transaction, which takes WAL's read snapshot at its first read and never the
    write lock (the site's transactions are IMMEDIATE: they would hold writers back).
    Inside a transaction already (tests), that one is the snapshot.
    """
    if connection.in_atomic_block:
        yield
        return
    connection.ensure_connection()
    mode = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite":
        connection.transaction_mode = "DEFERRED"
    try:
        with transaction.atomic(using=connection.alias):
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    finally:
        if connection.vendor == "sqlite":
            connection.transaction_mode = mode


def encode(field, obj):
    value = field.value_from_object(obj)
    if value is None or isinstance(value, PLAIN):
        return value
    if field.get_internal_type() == "JSONField":
        # JSONField keeps its Python value; a StreamField's prepared value is its JSON.
        return field.get_prep_value(value)
    return field.value_to_string(obj)


def dump(connection, directory, chunk=2000):
    """Write every table into ``directory``; returns the manifest's entries, in load order."""
    entries = []
    directory.mkdir(parents=True, exist_ok=True)
    for number, model in enumerate(tables_to_dump(), start=1):
        fields = model._meta.local_concrete_fields
        name = f"{number:03d}-{model._meta.label_lower}.jsonl"
        digest, rows = hashlib.sha256(), 0
        queryset = model._base_manager.using(connection.alias).order_by("pk")
        with (directory / name).open("wb") as out:
            for obj in queryset.iterator(chunk_size=chunk):
                line = json.dumps({f.attname: encode(f, obj) for f in fields}, ensure_ascii=False).encode() + b"\n"
                out.write(line)
                digest.update(line)
                rows += 1
        entries.append({"model": model._meta.label, "file": name, "rows": rows, "sha256": digest.hexdigest()})
    return entries


def _rows(model, path):
    fields = {f.attname: f for f in model._meta.local_concrete_fields}
    with path.open("rb") as lines:
        for line in lines:
            yield model(**{name: fields[name].to_python(value) for name, value in json.loads(line).items()})


def _insert(connection, model, objs):
    fields = model._meta.local_concrete_fields
    size = max(1, connection.ops.bulk_batch_size(fields, objs) or len(objs))
    for start in range(0, len(objs), size):
        # raw: values as stored, not as a save would set them (auto_now, defaults).
        model._base_manager._insert(objs[start : start + size], fields=fields, raw=True, using=connection.alias)


def empty(connection, apps):
    """Delete every row of the state's tables (the migrations' own rows included)."""
    existing = set(connection.introspection.table_names())
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy and model._meta.db_table in existing
        }
    )
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def load(connection, directory, entries, apps, batch=1000):
    """Replace the database's rows with the archive's, in one transaction.

    ``apps`` are the models at the archive's migration state. Sequences
    (PostgreSQL) continue after the highest id loaded.
    """
    loaded = []
    with transaction.atomic(using=connection.alias):
        empty(connection, apps)
        for entry in entries:
            model = apps.get_model(entry["model"])
            pending = []
            for obj in _rows(model, Path(directory) / entry["file"]):
                pending.append(obj)
                if len(pending) >= batch:
                    _insert(connection, model, pending)
                    pending = []
            if pending:
                _insert(connection, model, pending)
            loaded.append(model)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), loaded):
                cursor.execute(sql)
        connection.check_constraints(table_names=[model._meta.db_table for model in loaded])
    return loaded


def holds_content(connection):
    """Whether the database holds what a fresh, migrated one does not: accounts, files, pages below home."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    existing = set(connection.introspection.table_names())
    checks = [
        (get_user_model(), models.Q()),
        (get_document_model(), models.Q()),
        (get_image_model(), models.Q()),
        # Wagtail's migrations make the root and one home page; anything deeper is content.
        (Page, models.Q(depth__gt=2)),
    ]
    return any(
        model._base_manager.using(connection.alias).filter(condition).exists()
        for model, condition in checks
        if model._meta.db_table in existing
    )
