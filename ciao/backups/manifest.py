"""The archive's manifest: what it holds, from which versions, at which migration state."""

import datetime
import json
from pathlib import PurePosixPath

import django
import wagtail
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from . import BackupError

# Raised when the archive's layout or meaning changes; restore refuses other versions.
FORMAT_VERSION = 1
NAME = "manifest.json"


def applied_migrations(connection):
    """{app label: [migration names]} recorded as applied in the database."""
    applied = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def unapplied_migrations(connection):
    """Migrations of the code not applied to the database, as "app.name"."""
    loader = MigrationLoader(connection)
    applied = {(app, name) for app, names in applied_migrations(connection).items() for name in names}
    return sorted(f"{app}.{name}" for app, name in loader.graph.nodes if (app, name) not in applied)


def build(connection, tables, media):
    return {
        "format_version": FORMAT_VERSION,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "django_version": django.get_version(),
        "wagtail_version": wagtail.__version__,
        "engine": connection.vendor,
        "migrations": applied_migrations(connection),
        "counts": {table["model"]: table["rows"] for table in tables},
        "database": tables,
        "media": media,
    }


def parse(data):
    """The manifest read from the archive's bytes; refuses what this code cannot restore."""
    try:
        manifest = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BackupError(_("Il manifest dell'archivio non è leggibile: non è un backup di questo sito.")) from None
    if not isinstance(manifest, dict) or "format_version" not in manifest:
        raise BackupError(_("Il manifest dell'archivio non è leggibile: non è un backup di questo sito."))
    if manifest["format_version"] != FORMAT_VERSION:
        raise BackupError(
            _("Archivio in un formato sconosciuto (versione %(found)s; questo codice legge la versione %(known)s).")
            % {"found": manifest["format_version"], "known": FORMAT_VERSION}
        )
    if not {"migrations", "database", "media"} <= manifest.keys():
        raise BackupError(_("Il manifest dell'archivio non è leggibile: non è un backup di questo sito."))
    names = [entry["file"] for entry in manifest["database"]] + [entry["path"] for entry in manifest["media"]]
    for name in names:
        path = PurePosixPath(name)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise BackupError(_("Il manifest dell'archivio nomina un percorso non ammesso: %(path)s") % {"path": name})
    return manifest


def migrations_unknown_to_code(manifest):
    """Migrations the archive's database had that this code does not have ("app.name")."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return sorted(
        f"{app}.{name}" for app, names in manifest["migrations"].items() for name in names if (app, name) not in known
    )
