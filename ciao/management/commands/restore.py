"""``manage.py restore FILE``: a site from a ``manage.py backup`` archive, into an empty setup.

The target is the database and data folder the settings name (a fresh
``CIAO_DATA_DIR``, or an empty ``DATABASE_URL`` database, possibly of another engine:
the archive is engine-neutral). In order, nothing changed until the archive has passed:

1. the archive is unpacked beside the media folder (tarfile's "data" filter: nothing
   lands outside it) and checked: manifest format version, migrations this code knows
   (an archive from newer code is refused), every file's sha256;
2. the target must be empty (no accounts, documents, images or pages below the home
   page; no media files), unless ``--replace-existing``;
3. the database is migrated to the archive's migration state, emptied and loaded in
   one transaction (ids kept, PostgreSQL sequences reset), then migrated forward if
   the code is newer than the archive;
4. the media folder is put in place, the caches emptied and the search index rebuilt
   (``search_rebuild``).
"""

import io
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections

from ciao.backups import BackupError, archive, database, manifest, media, schema


class Command(BaseCommand):
    help = "Restore a `backup` archive into an empty database and data folder, then rebuild the search index."
    # The checks read tables an empty database does not have yet.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive written by `manage.py backup`.")
        parser.add_argument(
            "--replace-existing",
            action="store_true",
            help="Replace the content of a database and media folder that are not empty (it is lost).",
        )

    def handle(self, *args, file, replace_existing=False, **options):
        media_root = Path(settings.MEDIA_ROOT)
        media_root.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
        try:
            contents = self.restore(Path(file), staging, media_root, replace_existing)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(f"Ripristino non riuscito, errore del database: {error}") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        rows = sum(table["rows"] for table in contents["database"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Ripristinato il backup del {contents['created_at']} ({contents['engine']}): {rows} righe, "
                f"{len(contents['media'])} file; indice di ricerca ricostruito."
            )
        )

    def restore(self, path, staging, media_root, replace_existing):
        contents = archive.extract(path, staging)
        ahead = manifest.migrations_unknown_to_code(contents)
        if ahead:
            raise BackupError(
                "L'archivio viene da una versione del codice più recente (migrazioni sconosciute: "
                + ", ".join(ahead[:5])
                + "): aggiorna il codice, poi ripeti il ripristino."
            )
        staged_media = staging / archive.MEDIA
        staged_media.mkdir(exist_ok=True)
        media.verify(staged_media, contents["media"])
        connection = connections[DEFAULT_DB_ALIAS]
        if not replace_existing and (database.holds_content(connection) or media.files(media_root)):
            raise BackupError(
                "La destinazione non è vuota (il database ha già utenti, documenti, immagini o pagine, "
                "o la cartella dei media ha già file): ripristina in una cartella dati o in un database "
                "vuoti, oppure usa --replace-existing per sostituirne il contenuto."
            )
        schema.migrate_to(contents["migrations"], connection)
        database.load(
            connection, staging / archive.DATABASE, contents["database"], schema.state_apps(contents["migrations"])
        )
        media.replace(staged_media, media_root)
        schema.migrate_forward()
        # A shared cache (REDIS_URL) still holds the old site's pages, settings and rate counters.
        for cache in caches.all():
            cache.clear()
        call_command("search_rebuild", stdout=io.StringIO())
        return contents
