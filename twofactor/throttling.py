"""Wrong codes count as failed logins for django-axes, with the wrong passwords.

A wrong code sends Django's ``user_login_failed`` signal for the username, as a wrong
password does, so the same limit (AXES_FAILURE_LIMIT for one username from one
address) covers both steps and the same lockout page answers. django-otp's own
throttling of each device (a wait that doubles after each wrong code) stays on
underneath: it holds whatever address the codes come from.
"""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_failure_limit
from django.contrib.auth.signals import user_login_failed


def credentials_for(user):
    return {"username": user.get_username()}


def is_locked_out(request, user):
    return AxesProxyHandler.is_locked(request, credentials_for(user))


def record_wrong_code(request, user):
    """Count a wrong code; True when this one locks the username out."""
    # The lockout page tells the person that codes, not only passwords, were wrong.
    request.twofactor_wrong_codes = True
    user_login_failed.send(sender=__name__, credentials=credentials_for(user), request=request)
    return bool(getattr(request, "axes_locked_out", False))


def attempts_left(request, user):
    credentials = credentials_for(user)
    return max(0, get_failure_limit(request, credentials) - AxesProxyHandler.get_failures(request, credentials))
