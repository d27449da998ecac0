import os
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from ciao.demo import DemoContext
from ciao.demo.site import DEMO_PASSWORD, ensure_home_page, ensure_users, seed_dossiers, seed_site


class Command(BaseCommand):
    help = "Create the demo site (idempotent): page tree, content of every app, demo users."

    def handle(self, *args, **options):
        with transaction.atomic():
            home, site = ensure_home_page()
            users = ensure_users(self.stdout)
            demo = DemoContext(home=home, stdout=self.stdout, users=users)
            seed_site(demo)
            demo.defer(seed_dossiers)
            for app_config in apps.get_app_configs():
                module_name = f"{app_config.name}.demo_content"
                if find_spec(module_name) is not None:
                    import_module(module_name).seed(demo)
            for step in demo.deferred:
                step(demo)
        self.stdout.write(self.style.SUCCESS("Contenuti dimostrativi pronti."))
        if users:
            self.stdout.write(
                f"Accesso all'amministrazione: http://127.0.0.1:{os.environ.get('PORT', '8000')}/admin/ — utente «admin», "
                f"password «{DEMO_PASSWORD}» (anche «redazione», «operatrice», «formatore»)."
            )
