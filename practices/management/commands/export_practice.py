import json

from django.core.management.base import BaseCommand, CommandError

from practices.exchange.export import export_practice
from practices.models import PracticePage


class Command(BaseCommand):
    help = "Write a practice as JSON, for import_practice on another CIAO! site (its published content)."

    def add_arguments(self, parser):
        parser.add_argument("practice", help="id or slug of the practice")
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args, **options):
        ref = options["practice"]
        pages = PracticePage.objects.all()
        page = pages.filter(pk=int(ref)).first() if ref.isdigit() else pages.filter(slug=ref).first()
        if page is None:
            raise CommandError(f"Buona pratica non trovata: {ref}")
        if not page.live:
            raise CommandError(f"«{page.title}» non è pubblicata: si esportano solo pratiche pubblicate.")
        text = json.dumps(export_practice(page), ensure_ascii=False, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as f:
                f.write(text + "\n")
        else:
            self.stdout.write(text)
