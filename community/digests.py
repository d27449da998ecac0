"""Sending what subscribers follow: the weekly digest and the immediate notices.

Each e-mail is sent at most once. Before it leaves, a ``Delivery`` row for its
key (the ISO week, or the item) is committed; a second run, or a second
process at the same time, finds the row (or loses the race on its unique
constraint) and sends nothing. A send that raises is recorded as failed and
claimed again by the next run. A process killed between sending and recording
leaves the row "sending": it is not sent again, since it may have left.

Queries: the sections gather their candidates once (``digest_sections``), the
subscribers come with everything they follow prefetched, so each subscriber
costs the same few statements (claiming and recording its delivery).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.db import IntegrityError, transaction
from django.db.models import F, Max, OuterRef, Prefetch, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .digest_sections import SECTIONS, absolute_url
from .models import Delivery, Membership, Subscription

# A first digest looks back a week; one who missed many never gets more than this.
FIRST_WINDOW = timedelta(days=7)
LONGEST_WINDOW = timedelta(days=14)
# Immediate notices are for what is new: nothing published before this is announced late.
NOTICE_LOOKBACK = timedelta(days=2)
ITEMS_PER_SECTION = 10


class Interests:
    """What one subscription follows, as sets of ids read from its prefetched relations."""

    def __init__(self, subscription):
        self.themes = {obj.pk for obj in subscription.themes.all()}
        self.ambiti = {obj.pk for obj in subscription.ambiti.all()}
        self.target_groups = {obj.pk for obj in subscription.target_groups.all()}
        self.tags = {obj.pk for obj in subscription.tags.all()}
        self.paths = tuple(page.path for page in subscription.pages.all())
        member = subscription.member
        # Only groups the person is still in: one who left hears nothing more of the group.
        own = {membership.group_id for membership in member.memberships.all()} if member else set()
        self.groups = {group.pk for group in subscription.groups.all()} & own

    def wants(self, item):
        if item.group_id is not None:
            return item.group_id in self.groups
        return bool(
            item.themes & self.themes
            or item.ambiti & self.ambiti
            or item.target_groups & self.target_groups
            or item.tags & self.tags
            or (item.path and item.path.startswith(self.paths))
        )


def subscribers(frequency):
    """Confirmed, not unsubscribed subscriptions of this frequency, with all they follow (fixed queries)."""
    last_covered = (
        Delivery.objects.filter(subscription=OuterRef("pk"), status=Delivery.Status.SENT)
        .values("subscription")
        .annotate(last=Max("covers_until"))
        .values("last")
    )
    return (
        Subscription.active()
        .filter(frequency=frequency)
        .exclude(member__user__is_active=False)
        .select_related("member__user")
        .prefetch_related(
            "themes",
            "ambiti",
            "target_groups",
            "tags",
            Prefetch("pages", queryset=_page_paths()),
            "groups",
            Prefetch("member__memberships", queryset=Membership.objects.only("pk", "group_id", "member_id")),
        )
        .annotate(last_covered=Subquery(last_covered))
        .order_by("pk")
    )


def _page_paths():
    from wagtail.models import Page

    return Page.objects.only("pk", "path")


def recipient(subscription):
    """A member's current account address (it may have changed since subscribing)."""
    if subscription.member_id and subscription.member.user.email:
        return subscription.member.user.email
    return subscription.email


def manage_url(subscription):
    return absolute_url(reverse("following:manage", args=[subscription.token]))


def unsubscribe_url(subscription):
    return absolute_url(reverse("following:unsubscribe", args=[subscription.token]))


def week_key(now):
    year, week, _day = timezone.localtime(now).isocalendar()
    return f"digest:{year}-W{week:02d}"


@dataclass
class Report:
    sent: int = 0
    failed: int = 0
    already: int = 0
    empty: int = 0
    errors: list = field(default_factory=list)


def claim(subscription, key, now, existing):
    """The delivery to send now, or None if it was sent (or is being sent) already.

    ``existing``: the status of the delivery with this key, if the run found one.
    """
    if existing is None:
        try:
            with transaction.atomic():
                return Delivery.objects.create(subscription=subscription, key=key, covers_until=now, attempts=1)
        except IntegrityError:
            return None  # another run got there first
    if existing != Delivery.Status.FAILED:
        return None
    # A failed one is taken again by whoever flips it first.
    taken = Delivery.objects.filter(subscription=subscription, key=key, status=Delivery.Status.FAILED).update(
        status=Delivery.Status.SENDING, attempts=F("attempts") + 1, covers_until=now, error=""
    )
    return Delivery.objects.filter(subscription=subscription, key=key).first() if taken else None


def deliver(connection, delivery, message, report):
    try:
        connection.send_messages([message])
    except Exception as error:  # noqa: BLE001 - any failure of the mail server is retried next run
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED, error=repr(error)[:2000])
        report.failed += 1
        report.errors.append(f"{message.to[0]}: {error}")
        return
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT, sent_at=timezone.now())
    report.sent += 1


def render_message(template, context, subscription):
    """An HTML and plain-text e-mail; digests and notices carry RFC 8058 one-click unsubscribe headers."""
    context = {
        **context,
        "subscription": subscription,
        "manage_url": manage_url(subscription),
        "unsubscribe_url": unsubscribe_url(subscription),
        "site_url": absolute_url("/"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"community/email/{template}_subject.txt", context).split())
        text = render_to_string(f"community/email/{template}.txt", context)
        html = render_to_string(f"community/email/{template}.html", context)
    message = mail.EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[recipient(subscription)],
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def gather(since, now, sections=SECTIONS):
    return [(section, section.collect(since, now)) for section in sections]


def digest_for(subscription, gathered, since):
    """[(section, items)] for this subscriber: what they follow, new since ``since`` or a reminder."""
    interests = Interests(subscription)
    found = []
    for section, items in gathered:
        chosen = [
            item
            for item in items
            if (item.reminder or (item.published_at and item.published_at >= since)) and interests.wants(item)
        ]
        if chosen:
            found.append((section, chosen[:ITEMS_PER_SECTION]))
    return found


def send_weekly_digests(now=None):
    """One digest per confirmed weekly subscriber with something to tell, at most once per ISO week."""
    now = now or timezone.now()
    key = week_key(now)
    report = Report()
    people = list(subscribers(Subscription.Frequency.WEEKLY))
    statuses = dict(
        Delivery.objects.filter(key=key, subscription__in=[s.pk for s in people]).values_list(
            "subscription_id", "status"
        )
    )
    pending = []
    for subscription in people:
        if statuses.get(subscription.pk) in (Delivery.Status.SENT, Delivery.Status.SENDING):
            report.already += 1
            continue
        since = max(subscription.last_covered or now - FIRST_WINDOW, now - LONGEST_WINDOW)
        pending.append((subscription, since))
    if not pending:
        return report
    gathered = gather(min(since for _s, since in pending), now)
    with mail.get_connection() as connection:
        for subscription, since in pending:
            sections = digest_for(subscription, gathered, since)
            if not sections:
                report.empty += 1
                continue
            delivery = claim(subscription, key, now, statuses.get(subscription.pk))
            if delivery is None:
                report.already += 1
                continue
            context = {"sections": sections, "since": since, "now": now}
            deliver(connection, delivery, render_message("digest", context, subscription), report)
    return report


def send_immediate_notices(now=None):
    """One notice per new item to each immediate subscriber who follows it, at most once per item."""
    now = now or timezone.now()
    report = Report()
    people = list(subscribers(Subscription.Frequency.IMMEDIATE))
    if not people:
        return report
    windows = {s.pk: max(s.confirmed_at, now - NOTICE_LOOKBACK) for s in people}
    gathered = gather(min(windows.values()), now)
    statuses = {
        (subscription_id, key): status
        for subscription_id, key, status in Delivery.objects.filter(
            subscription__in=list(windows), key__startswith="avviso:"
        )
        .filter(covers_until__gte=now - NOTICE_LOOKBACK - timedelta(days=1))
        .values_list("subscription_id", "key", "status")
    }
    with mail.get_connection() as connection:
        for subscription in people:
            interests = Interests(subscription)
            since = windows[subscription.pk]
            for section, items in gathered:
                for item in items:
                    if not item.published_at or item.published_at <= since or not interests.wants(item):
                        continue
                    key = f"avviso:{item.key}"
                    existing = statuses.get((subscription.pk, key))
                    if existing in (Delivery.Status.SENT, Delivery.Status.SENDING):
                        report.already += 1
                        continue
                    delivery = claim(subscription, key, now, existing)
                    if delivery is None:
                        report.already += 1
                        continue
                    context = {"section": section, "item": item}
                    deliver(connection, delivery, render_message("notice", context, subscription), report)
    return report
