"""The generation of the page cache: a token in every key, replaced to drop every kept page at once.

Each gunicorn worker has its own in-memory cache, which no other process can
clear; but every worker reads the token before each lookup. Without Redis the
token is a small file in the data folder (one read of a few bytes per request,
from the operating system's page cache); with ``REDIS_URL`` it is a key in
Redis, which several machines share.
"""

import logging
import os
import tempfile
import uuid

from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
CACHE_KEY = "page-cache-generation"
FILE_NAME = "page-cache-generation"


def _path():
    return os.path.join(settings.DATA_DIR, FILE_NAME)


def _in_shared_cache():
    return settings.PAGE_CACHE_GENERATION == "cache"


def current():
    """The token kept pages are filed under now."""
    if _in_shared_cache():
        return caches[CACHE_ALIAS].get_or_set(CACHE_KEY, uuid.uuid4().hex, None)
    try:
        with open(_path(), encoding="ascii") as token_file:
            return token_file.read().strip() or "0"
    except FileNotFoundError:
        return "0"


def bump():
    """A new token: every page kept so far, in every worker, is no longer found."""
    token = uuid.uuid4().hex
    if _in_shared_cache():
        # Clearing instead would empty the whole Redis database, sessions and rate limits included.
        caches[CACHE_ALIAS].set(CACHE_KEY, token, None)
        return
    try:
        # Written beside it, then renamed: a reader sees the old token or the new one, never half.
        directory = os.path.dirname(_path())
        descriptor, temporary = tempfile.mkstemp(prefix=".page-cache-", dir=directory)
        try:
            with os.fdopen(descriptor, "w", encoding="ascii") as token_file:
                token_file.write(token)
            os.replace(temporary, _path())
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception:
        # Publishing must go on: this worker at least forgets its own copies, and the
        # other workers' expire after PAGE_CACHE_SECONDS.
        logger.exception("Could not replace the page cache's generation: kept pages may be stale")
        caches[CACHE_ALIAS].clear()
