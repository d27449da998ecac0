"""``manage.py backup FILE``: the whole site in one archive (tar.gz), for ``manage.py restore``.

The archive holds the database (every table as JSON lines, read in one transaction:
a consistent snapshot while the site keeps serving), the media folder (documents,
images and their renditions, each file with its sha256) and a manifest (format
version, date, Django and Wagtail versions, the migrations applied, rows per model,
the database engine). Not in it: the search index (a restore rebuilds it), sessions
and failed-login counters. It holds password hashes and personal data: the file is
readable by its owner only; keep copies encrypted or on storage only operators reach.
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from ciao.backups import archive, database, manifest, media


class Command(BaseCommand):
    help = "Write one archive (tar.gz) with the database, the media folder and a manifest, for `restore`."
    # A backup must run whatever the checks say (ciao.E001 stops a demo database in production mode).
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive to write, e.g. ciao-2026-12-01.tar.gz (must not exist).")

    def handle(self, *args, file, **options):
        path = Path(file)
        if path.exists():
            raise CommandError(f"{path} esiste già: scegli un altro nome (il backup non sovrascrive).")
        if not path.parent.is_dir():
            raise CommandError(f"La cartella {path.parent} non esiste.")
        connection = connections[DEFAULT_DB_ALIAS]
        unapplied = manifest.unapplied_migrations(connection)
        if unapplied:
            raise CommandError(
                "Il database ha migrazioni non applicate (" + ", ".join(unapplied[:5]) + "): esegui prima "
                "`manage.py migrate`."
            )
        # The dump beside the archive: same disk, and never more than the archive's size again.
        with tempfile.TemporaryDirectory(prefix=".backup-", dir=path.parent) as staging:
            database_dir = Path(staging) / archive.DATABASE
            with database.read_snapshot(connection):
                tables = database.dump(connection, database_dir)
                applied_state = manifest.build(connection, tables, media=[])
            # After the snapshot: a file uploaded meanwhile is kept, unreferenced, rather than missed.
            applied_state["media"] = media.inventory(settings.MEDIA_ROOT)
            archive.write(path, applied_state, database_dir, settings.MEDIA_ROOT)
        rows = sum(table["rows"] for table in tables)
        size = sum(entry["size"] for entry in applied_state["media"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup scritto in {path}: {rows} righe di {len(tables)} tabelle, "
                f"{len(applied_state['media'])} file ({size // 1024} KB prima della compressione)."
            )
        )
