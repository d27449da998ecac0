"""The meetings and actions the area's pages list: each a fixed number of queries, whatever the numbers."""

from django.db.models import F, Q
from django.utils import timezone

from .models import Action, Meeting


def upcoming_meetings(groups, limit):
    """The next meetings of ``groups`` (a queryset or a list), soonest first; one under way counts."""
    now = timezone.now()
    return list(
        Meeting.objects.filter(group__in=groups)
        .filter(Q(starts_at__gte=now) | Q(ends_at__gte=now))
        .select_related("group")
        .order_by("starts_at", "pk")[:limit]
    )


def recent_meetings(group, limit):
    """The meetings of ``group`` already held, the latest first."""
    now = timezone.now()
    return list(
        Meeting.objects.filter(group=group, starts_at__lt=now)
        .exclude(ends_at__gte=now)
        .select_related("group")
        .order_by("-starts_at", "-pk")[:limit]
    )


def open_actions_for(member):
    """What ``member`` still has to do, soonest due first (no date last), in groups they are still in."""
    return list(
        Action.objects.filter(assignee=member, done=False, meeting__group__memberships__member=member)
        .select_related("meeting__group", "assignee__user")
        .order_by(F("due_date").asc(nulls_last=True), "meeting__starts_at", "pk")
    )
