"""Settings read from the environment.

Nothing set: the embedded defaults (SQLite, Whoosh index and media under one data
folder, DEBUG on). ``DJANGO_ENV=production``: production mode, which requires
``SECRET_KEY`` and ``ALLOWED_HOSTS`` and passes ``manage.py check --deploy``.
"""

import os

from .base import *  # noqa: F401,F403 - the settings are these modules' names

if os.environ.get("DJANGO_ENV", "").strip().lower() == "production":
    from .production import *  # noqa: F401,F403 - production overrides base
