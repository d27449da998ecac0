"""Settings to run django-modelsearch's generic backend suite on our backend.

modelsearch's test app and the ``modelsearch`` app itself (which cannot be
installed together with ``wagtail.search``) on a throw-away SQLite database,
with the fixture from the shared ``conformance`` folder beside the checkout.
"""

import tempfile
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]
CONFORMANCE_DIR = REPO_DIR.parent / "shared" / "conformance"

SECRET_KEY = "conformance-tests-only"
DEBUG = False
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"

INSTALLED_APPS = [
    "modelsearch.test.testapp",
    "modelsearch",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = []
ROOT_URLCONF = "modelsearch.test.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": []},
    }
]
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STATIC_URL = "/static/"

FIXTURE_DIRS = [str(CONFORMANCE_DIR)]

MODELSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "PATH": tempfile.mkdtemp(prefix="ciao-conformance-index-"),
        # The fixture is English.
        "LANGUAGE": "en",
    }
}
