"""The gate: a session that logged in without its code is logged out; one that must
set up two-factor reaches no admin page before the setup page.

It reads only the session, which authentication loads anyway on a logged-in
person's pages: no query of its own, except once for a session logged in before
this app existed, or before CIAO_2FA_REQUIRED_FOR_REDAZIONE was turned on (its
state is then decided again and kept).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth
from django.contrib.auth import SESSION_KEY
from django.shortcuts import redirect
from django.urls import reverse

from . import devices, session


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and SESSION_KEY in request.session:
            response = self.gate(request)
            if response is not None:
                return response
        return self.get_response(request)

    def gate(self, request):
        state = request.session.get(session.STATE_KEY)
        stale = state is None or (state == session.OFF and devices.required_for_editors() and is_admin_page(request))
        if stale and request.user.is_authenticated:
            # A session from before this app, or from before the setting was turned on:
            # decided now, once.
            state = session.state_for(request.user)
            session.set_state(request, state)
        if state == session.NEEDS_CODE:
            auth.logout(request)
            return redirect(f"{reverse('login')}?{urlencode({'next': request.get_full_path()})}")
        if state == session.NEEDS_SETUP and is_admin_page(request):
            return redirect(f"{reverse('twofactor_setup')}?{urlencode({'next': request.get_full_path()})}")
        return None


def is_admin_page(request):
    path = request.path_info
    return path.startswith(reverse("wagtailadmin_home")) and path != reverse("wagtailadmin_logout")
