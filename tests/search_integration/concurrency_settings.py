"""Settings for the processes of the concurrency test: the test settings with
our backend, and an SQLite file that several processes can share."""

from tests.settings import *  # noqa: F403 - a settings module extends another
from tests.settings import DATA_DIR

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "concurrency.sqlite3"),
        "OPTIONS": {
            # Publishers queue for the database as they queue for the index.
            "timeout": 60,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        },
    }
}
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "PATH": str(DATA_DIR / "search-index"),
        "LANGUAGE": "it",
        "REBUILD_WORKERS": 0,
    }
}
