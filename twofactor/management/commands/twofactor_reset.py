"""``manage.py twofactor_reset USERNAME``: for someone who lost their phone and their backup codes.

Removes the person's authenticator app and backup codes and lifts a login lockout of
that username, so that the password alone lets them in again; where two-factor is
required for their role, the admin then sends them to set it up anew. Check who is
asking before running it: it undoes the protection.
"""

from axes.utils import reset as axes_reset
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from twofactor import devices


class Command(BaseCommand):
    help = "Remove a user's two-factor devices (app and backup codes) and lift their login lockout."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user is called {username!r}.")
        had_two_factor = devices.has_two_factor(user)
        devices.turn_off(user)
        axes_reset(username=user.get_username())
        if had_two_factor:
            self.stdout.write(f"Two-factor removed for {username}: the password alone logs them in now.")
        else:
            self.stdout.write(f"{username} had no two-factor device; login lockout lifted.")
