"""Two-factor login (optional; required for the editorial groups when configured).

A person who has confirmed an authenticator app (django-otp's TOTP device, with
static backup codes beside it) logs in in two steps, on the site's /accedi/ and on
the admin's /admin/login/ alike: the password, then a code. Until the code is right
the session holds only a pending login (``session.py``), never an authenticated
user, so no page of the site or the admin opens halfway.

What the rest of a session may do is decided once, when the login completes, and
kept in the session (``session.py``), so pages cost no extra query: the middleware
reads the session that authentication has already loaded.
"""
