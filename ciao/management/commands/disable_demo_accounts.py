"""``manage.py disable_demo_accounts``: the demo accounts that still have the demo password stop working.

For a database that came from the demo and now serves in production: each of the
accounts admin, redazione, operatrice, formatore and membro (``ciao.demo.site.DEMO_USERS``)
whose password is still the public demo one is made inactive, with no usable
password. A demo account already given a password of its own is left alone, and
content stays with its owner. To use a disabled account again, give it a password in
the admin (Impostazioni → Utenti) or with ``manage.py changepassword`` and make it active.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from ciao.checks import demo_accounts_with_demo_password


class Command(BaseCommand):
    help = "Disable the demo accounts that still have the demo password (inactive, no usable password)."
    # The production check (ciao.E001) fails precisely while these accounts work.
    requires_system_checks = []

    def handle(self, *args, **options):
        usernames = demo_accounts_with_demo_password()
        for user in get_user_model().objects.filter(username__in=usernames):
            user.set_unusable_password()
            user.is_active = False
            user.save(update_fields=["password", "is_active"])
        if usernames:
            self.stdout.write("Disabled: " + ", ".join(usernames))
        else:
            self.stdout.write("No demo account has the demo password.")
