"""My area: what is waiting for me in the community (groups, meetings, actions, discussions, drafts)."""

from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Page

from ..access import visible_groups
from ..discussions import unread_threads
from ..meetings import open_actions_for, upcoming_meetings
from .base import reserved

LIST_LENGTH = 8


def my_drafts(user, limit=LIST_LENGTH):
    """The pages I own that are not published as they stand: new drafts and unpublished changes."""
    return list(
        Page.objects.filter(owner=user)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .select_related("content_type")
        .order_by("-latest_revision_created_at")[:limit]
    )


@reserved
def my_area(request):
    member = request.member
    groups = list(visible_groups(request.user).order_by("sort_order", "name")) if member else []
    calendar_url = (
        request.build_absolute_uri(reverse("community:calendar", args=[member.calendar_token])) if member else ""
    )
    context = {
        "member": member,
        "groups": groups,
        "upcoming": upcoming_meetings(groups, limit=LIST_LENGTH),
        "actions": open_actions_for(member)[:LIST_LENGTH] if member else [],
        "unread": unread_threads(member, groups)[:LIST_LENGTH] if member else [],
        "drafts": my_drafts(request.user),
        "calendar_url": calendar_url,
    }
    return render(request, "community/my_area.html", context)
