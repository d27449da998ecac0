"""Times for the events tests, in Rome.

"Now" in these tests is Thursday 26 November 2026, 10:00 in Rome (``ROME_NOW``,
naive): the ``now`` fixture (tests/conftest.py) patches
django.utils.timezone.now to it.
"""

from datetime import datetime

ROME_NOW = datetime(2026, 11, 26, 10, 0)


def at(year, month, day, hour=18, minute=0):
    """An aware datetime in Rome (18:00 unless told)."""
    from events.recurrence import ROME

    return datetime(year, month, day, hour, minute, tzinfo=ROME)
