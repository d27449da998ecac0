import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from practices.exchange.importer import import_practice
from practices.exchange.validation import MAX_FILE_BYTES, PracticeImportError
from practices.models import PracticeIndexPage


class Command(BaseCommand):
    help = (
        "Import a practice exported as JSON by another CIAO! site, as a draft for the "
        "redazione to review. Checks the whole file first: on any error nothing is created."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file (use - for standard input)")
        parser.add_argument("--parent", help="id or slug of the practice index page (default: the first one)")
        parser.add_argument("--owner", help="username of the draft's owner")
        parser.add_argument(
            "--skip-missing-files",
            action="store_true",
            help="import even if attachments or the image are not on this site (they are left out)",
        )

    def handle(self, *args, **options):
        raw = self.read(options["file"])
        parent = self.parent(options["parent"]) if options["parent"] else None
        owner = self.owner(options["owner"]) if options["owner"] else None
        try:
            page, imported = import_practice(
                raw, parent=parent, owner=owner, skip_missing_files=options["skip_missing_files"]
            )
        except PracticeImportError as error:
            lines = [f"  {path}: {message}" for path, message in error.errors]
            raise CommandError("Importazione non riuscita, non è stato creato nulla:\n" + "\n".join(lines)) from None
        for skipped in imported.skipped_files:
            self.stdout.write(self.style.WARNING(f"File non importato: {skipped}"))
        self.stdout.write(
            self.style.SUCCESS(f"Bozza creata: «{page.title}» (id {page.pk}), da revisionare e pubblicare.")
        )

    def read(self, name):
        if name == "-":
            return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        path = Path(name)
        if not path.is_file():
            raise CommandError(f"File non trovato: {name}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CommandError("Il file è troppo grande: al massimo 2 MB.")
        return path.read_bytes()

    def parent(self, ref):
        pages = PracticeIndexPage.objects.all()
        found = pages.filter(pk=int(ref)).first() if ref.isdigit() else pages.filter(slug=ref).first()
        if found is None:
            raise CommandError(f"Elenco di buone pratiche non trovato: {ref}")
        return found

    def owner(self, username):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Utente non trovato: {username}")
        return user
