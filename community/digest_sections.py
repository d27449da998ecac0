"""What a digest can tell: one function per kind of content, each gathering the candidates once.

A section function takes ``since`` and ``now`` and returns every item that any
subscriber could be told of: published from ``since`` (the earliest window
among the subscribers of this run) or, for reminders, happening soon. Which
subscriber gets which item is decided afterwards, in Python, by
``community.digests`` (``Interests.wants``): the cost in queries is one set per
section, whatever the number of subscribers.

Only what a visitor may see goes in: live, public pages of the default site.
A group's items (meetings, documents, discussions) carry ``group_id`` and reach
only subscribers who follow that group and are its members.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from events.models import EventPage
from events.recurrence import local, next_occurrence
from practices.models import PracticePage
from resources.models import ResourcePage

from .models import Adoption, Meeting, Question, SharedDocument, Thread

REMINDER_DAYS = 7


@dataclass(frozen=True)
class DigestItem:
    key: str  # unique across sections: an immediate notice's delivery key
    title: str
    url: str
    summary: str = ""
    meta: str = ""
    published_at: datetime | None = None
    # Told in every digest while it is near (an event this week), not only when new.
    reminder: bool = False
    # Page tree path: a subscriber following this page or an ancestor of it gets the item.
    path: str = ""
    themes: frozenset = field(default_factory=frozenset)
    ambiti: frozenset = field(default_factory=frozenset)
    target_groups: frozenset = field(default_factory=frozenset)
    tags: frozenset = field(default_factory=frozenset)
    group_id: int | None = None


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    collect: object  # (since, now) -> list[DigestItem]


def absolute_url(path):
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _ids(related):
    return frozenset(obj.pk for obj in related.all())


def _visible(model):
    """Live, public pages of ``model`` on the default site: what any visitor may read."""
    pages = model.objects.live().public()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return pages.descendant_of(site.root_page, inclusive=True) if site else pages.none()


def new_practices(since, now):
    practices = (
        _visible(PracticePage)
        .filter(first_published_at__gt=since, first_published_at__lte=now)
        .select_related("ambito")
        .prefetch_related("themes", "target_groups", "tags")
        .order_by("-first_published_at", "pk")
    )
    return [
        DigestItem(
            key=f"pagina:{practice.pk}",
            title=practice.title,
            url=absolute_url(practice.get_url()),
            summary=practice.summary,
            meta=str(practice.ambito) if practice.ambito_id else "",
            published_at=practice.first_published_at,
            path=practice.path,
            themes=_ids(practice.themes),
            ambiti=frozenset([practice.ambito_id]),
            target_groups=_ids(practice.target_groups),
            tags=_ids(practice.tags),
        )
        for practice in practices
    ]


def new_materials(since, now):
    materials = (
        _visible(ResourcePage)
        .filter(first_published_at__gt=since, first_published_at__lte=now)
        .select_related("organisation")
        .prefetch_related("themes", "tags")
        .order_by("-first_published_at", "pk")
    )
    return [
        DigestItem(
            key=f"pagina:{material.pk}",
            title=material.title,
            url=absolute_url(material.get_url()),
            summary=material.summary,
            meta=" · ".join(str(part) for part in (material.kind_label, material.organisation) if part),
            published_at=material.first_published_at,
            path=material.path,
            themes=_ids(material.themes),
            # A material has no ambito of its own; its organisation's stands for it.
            ambiti=frozenset([material.organisation.ambito_id]) if material.organisation_id else frozenset(),
            tags=_ids(material.tags),
        )
        for material in materials
    ]


def upcoming_events(since, now):
    """Events still to come that are new since ``since``, or happen in the next days (reminders)."""
    events = (
        _visible(EventPage)
        .filter(last_end__gt=now)
        .exclude(status=EventPage.Status.CANCELLED)
        .select_related("comune")
        .prefetch_related("themes", "audience", "tags", "exception_dates")
    )
    soon = now + timedelta(days=REMINDER_DAYS)
    found = []
    for event in events:
        occurrence = next_occurrence(event, now)
        if occurrence is None:
            continue
        is_new = event.first_published_at is not None and event.first_published_at > since
        is_soon = occurrence.start < soon
        if not (is_new or is_soon):
            continue
        when = date_format(local(occurrence.start), "l j F" if event.all_day else "l j F, H:i").lower()
        ambito = event.ambito_id or (event.comune.ambito_id if event.comune_id else None)
        found.append(
            (
                occurrence.start,
                DigestItem(
                    key=f"pagina:{event.pk}",
                    title=event.title,
                    url=absolute_url(event.get_url()),
                    summary=event.summary,
                    meta=f"{when} · {event.place_label}" if event.place_label else when,
                    published_at=event.first_published_at,
                    reminder=is_soon,
                    path=event.path,
                    themes=_ids(event.themes),
                    ambiti=frozenset([ambito]) if ambito else frozenset(),
                    target_groups=_ids(event.audience),
                    tags=_ids(event.tags),
                ),
            )
        )
    found.sort(key=lambda pair: (pair[0], pair[1].title))
    return [item for _start, item in found]


def published_adoptions(since, now):
    """Adoptions the redazione published since ``since``, of practices a visitor may read.

    Whoever follows the practice, its themes, its tags, or either ambito (where it
    comes from, where it went) hears of it.
    """
    adoptions = (
        Adoption.objects.public()
        .filter(reviewed_at__gt=since, reviewed_at__lte=now, practice__in=_visible(PracticePage))
        .prefetch_related("practice__themes", "practice__tags")
    )
    return [
        DigestItem(
            key=f"adozione:{adoption.pk}",
            title=_("%(practice)s, adottata a %(ambito)s")
            % {"practice": adoption.practice.title, "ambito": adoption.ambito},
            url=absolute_url(adoption.practice.get_url()) + "#adozioni",
            summary=adoption.changes,
            meta=str(adoption.organisation or adoption.ambito),
            published_at=adoption.reviewed_at,
            path=adoption.practice.path,
            themes=_ids(adoption.practice.themes),
            ambiti=frozenset(pk for pk in (adoption.ambito_id, adoption.practice.ambito_id) if pk),
            target_groups=_ids(adoption.target_groups),
            tags=_ids(adoption.practice.tags),
        )
        for adoption in adoptions
    ]


def _vocabularies_of(page_ids):
    """{page id: (themes, tags)} of the practices and materials among ``page_ids``."""
    found = {}
    for model in (PracticePage, ResourcePage):
        for page in model.objects.filter(pk__in=page_ids).prefetch_related("themes", "tags"):
            found[page.pk] = (_ids(page.themes), _ids(page.tags))
    return found


def answered_questions(since, now):
    """Public questions answered since ``since`` on pages a visitor may read.

    Followers of the page hear of them, and those of its themes and tags.
    """
    questions = list(
        Question.objects.public()
        .filter(answers__created_at__gt=since, answers__created_at__lte=now, page__in=_visible(Page))
        .select_related("page")
        .distinct()
    )
    vocabularies = _vocabularies_of({question.page_id for question in questions})
    nothing = (frozenset(), frozenset())
    return [
        DigestItem(
            key=f"domanda:{question.pk}",
            title=Truncator(question.text).words(25),
            url=absolute_url(question.page.get_url()) + "#domande",
            meta=_("Domanda su «%(page)s», con risposta") % {"page": question.page.title},
            published_at=max(answer.created_at for answer in question.answers.all()),
            path=question.page.path,
            themes=vocabularies.get(question.page_id, nothing)[0],
            tags=vocabularies.get(question.page_id, nothing)[1],
        )
        for question in questions
    ]


def group_news(since, now):
    """Working groups' meetings in the next days, new documents and new discussions (members only)."""
    items = []
    soon = now + timedelta(days=REMINDER_DAYS)
    for meeting in Meeting.objects.filter(starts_at__gte=now, starts_at__lt=soon).select_related("group"):
        items.append(
            DigestItem(
                key=f"incontro:{meeting.pk}",
                title=meeting.title,
                url=absolute_url(meeting.get_absolute_url()),
                meta=f"{meeting.group} · {date_format(local(meeting.starts_at), 'l j F, H:i').lower()}",
                reminder=True,
                group_id=meeting.group_id,
            )
        )
    documents = SharedDocument.objects.filter(uploaded_at__gt=since, uploaded_at__lte=now).select_related("group")
    for document in documents.defer("text"):
        items.append(
            DigestItem(
                key=f"documento:{document.pk}",
                title=document.title,
                url=absolute_url(document.get_absolute_url()),
                meta=_("%(group)s · nuovo documento") % {"group": document.group},
                published_at=document.uploaded_at,
                group_id=document.group_id,
            )
        )
    # The title only: a thread's text may be hidden later, and what a digest sends cannot be recalled.
    for thread in Thread.objects.filter(created_at__gt=since, created_at__lte=now).select_related("group"):
        items.append(
            DigestItem(
                key=f"discussione:{thread.pk}",
                title=thread.title,
                url=absolute_url(thread.get_absolute_url()),
                meta=_("%(group)s · nuova discussione") % {"group": thread.group},
                published_at=thread.created_at,
                group_id=thread.group_id,
            )
        )
    return items


SECTIONS = [
    Section("pratiche", _("Nuove buone pratiche"), new_practices),
    Section("materiali", _("Nuovi materiali formativi"), new_materials),
    Section("eventi", _("Prossimi eventi"), upcoming_events),
    Section("adozioni", _("Pratiche adottate in altri ambiti"), published_adoptions),
    Section("domande", _("Domande con risposta"), answered_questions),
    Section("gruppi", _("Dai tuoi gruppi di lavoro"), group_news),
]
