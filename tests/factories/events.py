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


def make_event(index, title, start, duration_hours=2, comune="rozzano", publish=True, private=False, **fields):
    """A published event under ``index`` at ``start`` (aware), in ``comune`` (a slug, or None for online)."""
    from datetime import timedelta

    from django.utils.text import slugify
    from wagtail.models import PageViewRestriction

    from ciao.models import Comune
    from events.models import EventPage

    if comune is None:
        fields.setdefault("online_url", "https://example.org/incontro")
    else:
        fields.setdefault("venue", "Biblioteca civica")
    page = EventPage(
        title=title,
        slug=slugify(title)[:50],
        summary=f"{title}: in breve.",
        start=start,
        end=start + timedelta(hours=duration_hours),
        comune=Comune.objects.get(slug=comune) if comune else None,
        live=publish,
        **fields,
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    if private:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page
