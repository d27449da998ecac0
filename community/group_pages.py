"""The site's pages reserved to a working group: partners' meetings among the events, reserved documents.

Editors restrict a page to groups with Wagtail's own privacy setting ("private, for
users in specific groups"), naming the working group's Django group. Wagtail then
keeps the page out of every public list, feed and search; the group's space lists it.
"""

from wagtail.models import Page


def pages_reserved_to(group, limit=10):
    """Live pages whose view restriction names the group (newest first), as their own type."""
    return list(
        Page.objects.live()
        .filter(view_restrictions__groups=group.auth_group_id)
        .order_by("-first_published_at")
        .specific()[:limit]
    )
