"""Fixtures for the events tests: an index page, the vocabularies and events.

"Now" is Thursday 26 November 2026, 10:00 in Rome, the day these tests were
written against: the ``now`` fixture (tests/conftest.py) patches
django.utils.timezone.now, nothing else. ``at`` and ``ROME_NOW`` are in
tests/factories/events.py.
"""

from datetime import timedelta

import pytest
from django.utils.text import slugify

from tests.factories.events import at


@pytest.fixture
def index(home):
    from ciao.demo import ensure_child
    from events.models import EventIndexPage

    return ensure_child(home, EventIndexPage, title="Eventi", slug="eventi")[0]


@pytest.fixture
def vocab(db):
    from ciao.models import Ambito, Comune, Organisation, TargetGroup, Theme

    class Vocab:
        comune = staticmethod(lambda slug: Comune.objects.get(slug=slug))
        ambito = staticmethod(lambda slug: Ambito.objects.get(slug=slug))
        theme = staticmethod(lambda slug: Theme.objects.get(slug=slug))
        audience = staticmethod(lambda slug: TargetGroup.objects.get(slug=slug))
        organisation = staticmethod(lambda name: Organisation.objects.get(name=name))

    return Vocab


@pytest.fixture
def make_event(index, vocab):
    """Create (and by default publish) an event; keyword arguments are EventPage fields."""
    from events.models import EventPage, EventPageExceptionDate

    counter = {"n": 0}

    def _make(
        title=None, start=None, duration=timedelta(hours=2), publish=True, tags=(), exdates=(), parent=None, **fields
    ):
        counter["n"] += 1
        title = title or f"Evento {counter['n']}"
        start = start or at(2026, 12, 5)
        fields.setdefault("end", start + duration)
        if "comune" not in fields and not fields.get("online_url"):
            fields["comune"] = vocab.comune("rozzano")
        if fields.get("comune") and "venue" not in fields:
            fields["venue"] = "Biblioteca civica"
        fields.setdefault("summary", f"{title}: in breve.")
        page = EventPage(
            title=title,
            slug=f"{slugify(title)[:40]}-{counter['n']}",
            start=start,
            live=publish,
            exception_dates=[EventPageExceptionDate(date=d) for d in exdates],
            **fields,
        )
        (parent or index).add_child(instance=page)
        if tags:
            page.tags.add(*tags)
        revision = page.save_revision()
        if publish:
            revision.publish()
        page.refresh_from_db()
        return page

    return _make


@pytest.fixture(autouse=True)
def fresh_cache():
    # The proposal limit lives in the cache; every test starts with a clean slate.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
