"""Two-factor builders: a user's confirmed authenticator app and backup codes, and the codes
an app would show (django-otp's own TOTP, as the phone computes it)."""


def app_code(device, steps_ahead=0):
    """The code ``device``'s app shows now, or ``steps_ahead`` periods of 30 s later.

    A code is accepted once: a test that logs in twice in the same 30 s uses the next
    period's code (the server accepts one period of clock difference either way).
    """
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead):06d}"


def give_two_factor(user):
    """Turn two-factor on for ``user`` as the setup page does; returns (app device, backup codes)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from twofactor import devices

    device = TOTPDevice.objects.create(user=user, name=devices.APP_DEVICE_NAME, confirmed=True)
    return device, devices.new_backup_codes(user)
