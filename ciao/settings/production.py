"""Production mode (``DJANGO_ENV=production``): secrets and hosts are required."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import AUTHENTICATION_BACKENDS as _EMBEDDED_BACKENDS


def _required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set when DJANGO_ENV=production")
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Behind the TLS proxy every request comes from the proxy's address: set
# TRUSTED_PROXY_COUNT (base settings) so that logins, the API, the proposal form and
# /cerca/ read the client's address from the X-Forwarded-For the proxy writes
# (ciao.accounts.client_ip_address); what a client writes there is never trusted.

# The demo's password is public (README): no login with it, whatever the database
# holds (ciao/checks.py; the system check ciao.E001 names the accounts that have it).
AUTHENTICATION_BACKENDS = [
    *(b for b in _EMBEDDED_BACKENDS if b != "django.contrib.auth.backends.ModelBackend"),
    "ciao.checks.RefuseDemoPassword",
    "django.contrib.auth.backends.ModelBackend",
]
