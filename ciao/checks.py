"""Production mode never runs with the demo's public password (``ciao.demo.site.DEMO_PASSWORD``).

A database that came from the demo (``make run``, ``seed_demo``) has the accounts
admin, redazione, operatrice, formatore and membro with a password printed in the README.
In production mode (``settings.EMBEDDED`` False):

- a system check (Error ``ciao.E001``) names every active demo account whose password
  is still the demo one, so ``manage.py check``, ``migrate``, ``collectstatic`` and
  ``runserver`` refuse to go on until it is changed or the accounts are disabled
  (``manage.py changepassword USERNAME`` or ``manage.py disable_demo_accounts``). It
  verifies one password hash per demo username that exists: about a second in all;
- whatever the check saw, :class:`RefuseDemoPassword` refuses a login with the demo
  password, on /accedi/ and /admin/login/ alike, with an Italian message (gunicorn
  does not run system checks).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password
from django.core import checks
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

DEMO_PASSWORD_CHECK = "ciao.E001"  # noqa: S105 - the id of a system check, not a password


def demo_usernames():
    from ciao.demo.site import DEMO_USERS

    return [username for username, *_rest in DEMO_USERS]


def demo_accounts_with_demo_password():
    """Usernames of the active demo accounts whose password is still the demo one."""
    from ciao.demo.site import DEMO_PASSWORD

    accounts = get_user_model().objects.filter(username__in=demo_usernames(), is_active=True)
    return sorted(
        user.username
        for user in accounts.only("username", "password")
        if user.has_usable_password() and check_password(DEMO_PASSWORD, user.password)
    )


@checks.register(checks.Tags.security)
def demo_passwords_in_production(app_configs=None, **kwargs):
    if settings.EMBEDDED:
        return []
    try:
        usernames = demo_accounts_with_demo_password()
    except DatabaseError:
        return []  # no tables yet (before the first migrate): no accounts either
    if not usernames:
        return []
    return [
        checks.Error(
            "Production mode, but these demo accounts still have the demo password, which is public: "
            + ", ".join(usernames)
            + ".",
            hint="Give each a new password (python manage.py changepassword USERNAME), or disable them "
            "all (python manage.py disable_demo_accounts).",
            id=DEMO_PASSWORD_CHECK,
        )
    ]


class RefuseDemoPassword:
    """An authentication backend that refuses the demo password in production mode (any username).

    Listed after django-axes' backend and before Django's ``ModelBackend`` (production
    settings). From a login form (a Django ``HttpRequest``) the refusal is a
    ``ValidationError``: the form shows its Italian message above the fields. Anywhere
    else (DRF's basic authentication) it is ``PermissionDenied``: simply no login.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        from ciao.demo.site import DEMO_PASSWORD

        if settings.EMBEDDED or password is None or not constant_time_compare(password, DEMO_PASSWORD):
            return None
        if isinstance(request, HttpRequest):
            raise ValidationError(
                _(
                    "Questa è la password dimostrativa del sito, che è pubblica: su questo sito non vale. "
                    "Chieda alla redazione una password nuova, o la reimposti con «Password dimenticata?»."
                ),
                code="demo_password",
            )
        raise PermissionDenied

    def get_user(self, user_id):
        return None
