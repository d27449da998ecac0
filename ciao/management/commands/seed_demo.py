import os
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from ciao.demo import DemoContext
from ciao.demo.site import DEMO_PASSWORD, ensure_home_page, ensure_users


def without_index_updates():
    """Settings where saving a page does not write to the search index.

    Every demo page is saved several times (created, revised, published); one
    rebuild at the end costs a fraction of those hundreds of index writes.
    """
    backends = {name: {**conf, "AUTO_UPDATE": False} for name, conf in settings.WAGTAILSEARCH_BACKENDS.items()}
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


class Command(BaseCommand):
    help = "Create the demo site (idempotent): page tree, content of every app, demo users."

    def add_arguments(self, parser):
        parser.add_argument("--skip-index", action="store_true", help="Do not rebuild the search index afterwards.")

    def handle(self, *args, **options):
        with without_index_updates(), transaction.atomic():
            home, site = ensure_home_page()
            users = ensure_users(self.stdout)
            demo = DemoContext(home=home, stdout=self.stdout, users=users)
            # Each app's demo package, ciao's own first (INSTALLED_APPS order).
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo"
                if find_spec(module_name) is not None:
                    import_module(module_name).seed(demo)
            for step in demo.deferred:
                step(demo)
        if not options["skip_index"]:
            call_command("update_index", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Contenuti dimostrativi pronti."))
        if users:
            self.stdout.write(
                f"Accesso all'amministrazione: http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/ "
                f"— utente «admin», password «{DEMO_PASSWORD}» (anche «redazione», «operatrice», «formatore»); "
                f"area riservata della comunità di pratica: /area-riservata/ — utente «membro»."
            )
