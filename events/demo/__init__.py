"""Demo events: about three months back and three ahead of the day the command runs.

``seed(demo)`` is what ``manage.py seed_demo`` runs; the events are in ``data``.
Every event is looked up by slug first, so a second run changes nothing (and
keeps the dates of the first run). Among them: weekly and monthly repeats, one
cancelled, one postponed, one online, one both in person and online, one all-day
over two days, and one citizen's proposal waiting for the redazione.
"""

from datetime import datetime, time, timedelta

from django.test.utils import override_settings
from django.utils import timezone

from ciao.demo import ensure_child
from ciao.models import Comune, Organisation, TargetGroup, Theme
from events.models import EventIndexPage, EventPage, EventPageExceptionDate
from events.recurrence import ROME, Frequency

from .data import DESCRIPTION, EVENTS, REPEATING


def _vocab():
    return (
        {c.slug: c for c in Comune.objects.all()},
        {t.slug: t for t in Theme.objects.all()},
        {t.slug: t for t in TargetGroup.objects.all()},
        {o.name: o for o in Organisation.objects.all()},
    )


def _times(day, hhmm, length):
    if hhmm is None:
        start = datetime.combine(day, time(0), ROME)
        return start, datetime.combine(day + timedelta(days=length - 1), time(0), ROME), True
    start = datetime.combine(day, time.fromisoformat(hhmm), ROME)
    return start, start + timedelta(minutes=length), False


def _create(index, vocab, slug, title, comune, venue, address, day, hhmm, length, themes, audience, organiser, extra):
    comuni, theme_map, audience_map, organisations = vocab
    start, end, all_day = _times(day, hhmm, length)
    extra = dict(extra)
    tags = extra.pop("tags", [])
    exception_dates = extra.pop("exception_dates", [])
    fields = {
        "summary": extra.pop("summary", f"{title}. Un appuntamento di CIAO! aperto a chi vuole partecipare."),
        "description": DESCRIPTION.format(title=title),
        "start": start,
        "end": end,
        "all_day": all_day,
        "comune": comuni.get(comune),
        "venue": venue,
        "address": address,
        "themes": [theme_map[s] for s in themes],
        "audience": [audience_map[s] for s in audience],
        "organiser": organisations.get(organiser),
        "contact_email": "eventi@example.org",
        "exception_dates": [EventPageExceptionDate(date=d) for d in exception_dates],
        **extra,
    }
    page, created = ensure_child(index, EventPage, title=title, slug=slug, **fields)
    if created and tags:
        page.tags.add(*tags)
        page.save_revision(log_action=False).publish(log_action=False)
    return created


def seed(demo):
    index, created = ensure_child(
        demo.home,
        EventIndexPage,
        title="Eventi",
        slug="eventi",
        show_in_menus=True,
        intro="<p>Incontri, laboratori e feste aperte alla comunità nei comuni del Sud Est Milano, "
        "del Visconteo, del Corsichese e a Paullo.</p>",
        search_description="Gli eventi di CIAO! nei comuni del Sud Est Milano: laboratori, incontri, feste.",
    )
    if created:
        demo.log("  + elenco «Eventi»")
    today = timezone.localdate()
    vocab = _vocab()
    made = 0
    for slug, title, comune, venue, address, offset, hhmm, length, themes, audience, organiser, extra in EVENTS:
        made += _create(
            index,
            vocab,
            slug,
            title,
            comune,
            venue,
            address,
            today + timedelta(days=offset),
            hhmm,
            length,
            themes,
            audience,
            organiser,
            extra,
        )
    for slug, title, comune, venue, address, (
        offset,
        weekday,
    ), hhmm, length, frequency, weeks, themes, audience, organiser, extra in REPEATING:
        first = today + timedelta(days=offset)
        first += timedelta(days=(weekday - first.weekday()) % 7)
        until = first + timedelta(weeks=weeks)
        extra = {"repeat_frequency": frequency, "repeat_until": until, **extra}
        if frequency == Frequency.WEEKLY:
            # A break: the occurrence about five weeks from today does not take place.
            extra["exception_dates"] = [first + timedelta(weeks=((today - first).days // 7) + 5)]
        made += _create(
            index, vocab, slug, title, comune, venue, address, first, hhmm, length, themes, audience, organiser, extra
        )
    if made:
        demo.log(f"  + {made} eventi")
    _seed_pending_proposal(index, today)


def _seed_pending_proposal(index, today):
    """A citizen's proposal waiting in the redazione's review queue."""
    if index.get_children().filter(slug="merenda-condivisa-opera").exists():
        return
    day = today + timedelta(days=20)
    # Wagtail tells the redazione about the submission by e-mail; the demo keeps quiet.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _propose(index, day)


def _propose(index, day):
    index.add_proposal(
        {
            "title": "Merenda condivisa al parco",
            "description_html": "<p>Una merenda in cui ognuno porta qualcosa della propria tradizione. "
            "Ci saranno giochi per bambini e un angolo per scambiarsi libri.</p>",
            "start": datetime.combine(day, time(16, 0), ROME),
            "end": datetime.combine(day, time(18, 30), ROME),
            "comune": Comune.objects.get(slug="opera"),
            "venue": "Parco comunale",
            "address": "",
            "online_url": "",
            "is_free": True,
            "organiser_name": "Genitori della scuola di via Piave",
            "audience": list(TargetGroup.objects.filter(slug__in=["famiglie", "comunita-locale"])),
            "name": "Giulia Esempio",
            "email": "giulia@example.org",
            "phone": "",
            "message": "",
        },
        timezone.now(),
        slug="merenda-condivisa-opera",
    )
