"""Settings for the test suite: the project's settings with throw-away data folders."""

import os
import tempfile
from pathlib import Path

# Each test process writes its media and search index in its own temporary folder.
os.environ.setdefault("CIAO_DATA_DIR", tempfile.mkdtemp(prefix="ciao-test-"))

from ciao.settings import *  # noqa: E402,F401,F403 - settings module: after CIAO_DATA_DIR is set
from ciao.settings import DATA_DIR  # noqa: E402 - after CIAO_DATA_DIR is set

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SEARCH_INDEX_DIR = Path(DATA_DIR) / "search-index"
# WhiteNoise warns about a missing STATIC_ROOT; tests serve static files from the finders.
(Path(DATA_DIR) / "static").mkdir(exist_ok=True)
# Off, so that query counts and pages are those of a real rendering; tests/ciao/test_page_cache.py
# turns it on.
PAGE_CACHE_SECONDS = 0
# Off for the same reason; tests/discovery/test_search_cache.py turns it on.
SEARCH_CACHE_SECONDS = 0
# Off for the same reason; tests/ciao/test_page_fragments.py turns it on.
FRAGMENT_CACHE_SECONDS = 0
