"""What the session knows about two-factor: a login waiting for its code, and the state
of a logged-in session.

A pending login (password right, code not yet typed) keeps the user's id, the
authentication backend and where to go next; nothing is authenticated until
:func:`complete_login`. It lasts ``PENDING_SECONDS``.

The state of a logged-in session is decided once, when Django's ``user_logged_in``
signal fires (whatever logged the person in: the two steps, an invitation link, a
test's ``force_login``), and read by the middleware on every request:

- ``verified``: logged in with a code;
- ``off``: no second factor, none required (decided while CIAO_2FA_REQUIRED_FOR_REDAZIONE
  was off: decided again on the first admin page once it is on);
- ``exempt``: no second factor, and the setting is on but not for this person;
- ``setup``: none yet, but required (CIAO_2FA_REQUIRED_FOR_REDAZIONE): admin pages
  send to the setup page;
- ``code``: the person has a second factor but this login gave no code (a way in
  other than the two steps): the middleware logs the session out.
"""

import time

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import get_user_model

from . import devices

PENDING_KEY = "twofactor_pending"
STATE_KEY = "twofactor_state"
PENDING_SECONDS = 10 * 60

VERIFIED = "verified"
OFF = "off"
EXEMPT = "exempt"
NEEDS_SETUP = "setup"
NEEDS_CODE = "code"


def start_pending_login(request, user, next_url, remember=None):
    """The password was right and ``user`` has a second factor: wait for the code."""
    if request.user.is_authenticated:
        # Whoever was logged in on this browser is not any more: the session is the new person's.
        auth.logout(request)
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "remember": remember,
        "since": time.time(),
    }


def pending_user(request):
    """The user whose login waits for a code, or None (none, expired, or gone inactive)."""
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending.get("since", 0) > PENDING_SECONDS:
        return None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    if user is not None:
        user.backend = pending["backend"]
    return user


def pending_next(request):
    return (request.session.get(PENDING_KEY) or {}).get("next") or "/"


def drop_pending_login(request):
    request.session.pop(PENDING_KEY, None)


def complete_login(request, user, device):
    """The code was right: log ``user`` in, remembering the device that verified them."""
    pending = request.session.pop(PENDING_KEY)
    user.otp_device = device  # django-otp's convention; decide_on_login reads it
    auth.login(request, user, backend=pending["backend"])
    remember = pending.get("remember")
    if remember is not None:
        # The admin's «Ricordami», applied as Wagtail's own login view does.
        request.session.set_expiry(settings.SESSION_COOKIE_AGE if remember else 0)
    return pending["next"]


def decide_on_login(sender, request, user, **kwargs):
    """``user_logged_in``: what this session may do, decided once (see the module's doc)."""
    if request is None or not hasattr(request, "session"):
        return
    request.session[STATE_KEY] = state_for(user)


def state_for(user):
    if getattr(user, "otp_device", None) is not None:
        return VERIFIED
    if devices.has_two_factor(user):
        return NEEDS_CODE
    if devices.is_required_for(user):
        return NEEDS_SETUP
    return EXEMPT if devices.required_for_editors() else OFF


def set_state(request, state):
    request.session[STATE_KEY] = state
