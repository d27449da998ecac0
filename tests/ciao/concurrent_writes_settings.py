"""Settings for the servers and processes of ``test_concurrent_writes.py``.

The site's own settings, database included (the embedded SQLite default, or
``DATABASE_URL``), with two changes that have nothing to do with the database:

- every request of the test comes from 127.0.0.1, and the proposal form lets
  one address send five proposals a minute; that limit is kept in the cache,
  so a cache that keeps nothing lets the test's forty through;
- e-mails to the redazione stay in memory instead of filling the server's log.
"""

from ciao.settings import *  # noqa: F403 - a settings module extends another

CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
