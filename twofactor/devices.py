"""A person's second factor: an authenticator app (TOTP) and one-use backup codes.

Both are django-otp's devices; this module only decides how the site uses them:
one app per person, ten backup codes shown once, a code typed with or without
spaces. Six digits go to the app, anything else to the backup codes, so a backup
code never counts as a wrong app code in the app's own throttling.
"""

from dataclasses import dataclass

import django_otp
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ciao.roles import FORMATORI, OPERATORI, REDAZIONE

BACKUP_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
BACKUP_DEVICE_NAME = "codici di riserva"
# The groups that use Wagtail's admin: CIAO_2FA_REQUIRED_FOR_REDAZIONE covers them all.
EDITORIAL_GROUPS = (REDAZIONE, OPERATORI, FORMATORI)


@dataclass(frozen=True)
class Verification:
    """The device that accepted a code, or why none did (``wait_until`` when throttled)."""

    device: object = None
    wait_until: object = None

    @property
    def accepted(self):
        return self.device is not None


def has_two_factor(user):
    """Whether logging in as ``user`` asks for a code (a confirmed app or backup codes)."""
    return django_otp.user_has_device(user, confirmed=True)


def required_for_editors():
    return bool(getattr(settings, "CIAO_2FA_REQUIRED_FOR_REDAZIONE", False))


def is_required_for(user):
    """Whether ``user`` must turn two-factor on (the setting, for superusers and editorial groups)."""
    if not required_for_editors():
        return False
    return user.is_superuser or user.groups.filter(name__in=EDITORIAL_GROUPS).exists()


def pending_app(user):
    """The app being set up: an unconfirmed TOTP device, the same one on every visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def confirm_app(device, code):
    """Confirm ``device`` with its first code; on success, the new backup codes (shown once)."""
    verification = verify_on(device, code)
    if not verification.accepted:
        return verification, []
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # One app per person: an app set up earlier and not removed stops working.
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        codes = new_backup_codes(device.user)
    return verification, codes


def new_backup_codes(user):
    """Replace ``user``'s backup codes with ``BACKUP_CODE_COUNT`` new ones and return them."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise(code):
    """What a person typed, as the devices compare it: no spaces or dashes, lower case."""
    return "".join(code.split()).replace("-", "").lower()


def is_app_code(code):
    return len(code) == 6 and code.isdigit()


def verify(user, code):
    """Check ``code`` against ``user``'s confirmed app (six digits) or backup codes (the rest)."""
    code = normalise(code)
    model = TOTPDevice if is_app_code(code) else StaticDevice
    device = model.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return Verification()
    return verify_on(device, code)


def verify_on(device, code):
    """django-otp's verification, row-locked, with its throttling turned into a time to wait."""
    code = normalise(code)
    with transaction.atomic():
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return Verification(wait_until=(details or {}).get("locked_until"))
        if device.verify_token(code):
            return Verification(device=device)
    return Verification()


def turn_off(user):
    """Remove every device of ``user``: the next login asks for the password only."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
