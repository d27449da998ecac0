"""Settings for this package's own tests, django-modelsearch's generic backend
suite (``conformance/``) included: modelsearch's test app and the
``modelsearch`` app itself (no Wagtail) on a throw-away SQLite database.

Run them with ``python -m pytest search/tests --ds=search.tests.settings``.

The suite's ``search`` fixture is not in modelsearch's wheel: it is looked for
in ``SEARCH_CONFORMANCE_FIXTURES`` or, by default, in the ``conformance``
folder of ``shared/`` beside the checkout; without it that suite is skipped.
"""

import os
import tempfile
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]
CONFORMANCE_DIR = Path(os.environ.get("SEARCH_CONFORMANCE_FIXTURES") or REPO_DIR.parent / "shared" / "conformance")

SECRET_KEY = "search-tests-only"
DEBUG = False
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"

INSTALLED_APPS = [
    "search",
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
        "PATH": tempfile.mkdtemp(prefix="search-tests-index-"),
        # modelsearch's test app is English.
        "LANGUAGE": "en",
    }
}
