"""The site's pages reserved to a working group: partners' meetings among the events, reserved documents.

Editors restrict a page to groups with Wagtail's own privacy setting ("private, for
users in specific groups"), naming the working group's Django group. Wagtail then
keeps the page out of every public list, feed and search; the group's space lists it.
The redazione sees what every group holds, so a page restricted to a working group
is restricted to the Redazione group as well (``let_the_redazione_in``): the privacy
dialog shows it ticked.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed
from wagtail.models import Page, PageViewRestriction

from ciao.roles import REDAZIONE


def pages_reserved_to(group, limit=10):
    """Live pages whose view restriction names the group (newest first), as their own type."""
    return list(
        Page.objects.live()
        .filter(view_restrictions__groups=group.auth_group_id)
        .order_by("-first_published_at")
        .specific()[:limit]
    )


def let_the_redazione_in(sender, instance, action, pk_set, **kwargs):
    """When a page restriction names a working group's Django group, name the Redazione's too."""
    from .models import WorkingGroup

    if action != "post_add" or not isinstance(instance, PageViewRestriction):
        return
    if not WorkingGroup.objects.filter(auth_group_id__in=pk_set).exists():
        return
    redazione = Group.objects.filter(name=REDAZIONE).first()
    if redazione is not None and redazione.pk not in pk_set:
        instance.groups.add(redazione)


def connect():
    m2m_changed.connect(
        let_the_redazione_in, sender=PageViewRestriction.groups.through, dispatch_uid="community_redazione_sees_groups"
    )
