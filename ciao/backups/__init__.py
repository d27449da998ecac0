"""Backup and restore of a whole site: ``manage.py backup FILE`` and ``manage.py restore FILE``.

One archive (tar.gz) holds a manifest (``manifest``), the database as JSON lines per
table (``database``: engine-neutral, so SQLite → PostgreSQL works) and the media
folder (``media``); ``archive`` writes it and reads it back safely.
"""


class BackupError(Exception):
    """An archive or a target the commands refuse; the message is for the operator (Italian)."""
