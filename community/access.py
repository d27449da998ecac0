"""Who may see and do what in the reserved area. Every view asks here; nothing else decides.

- a **member** (a user with a ``Member`` profile) sees the directory, the groups'
  list, and the space of each group they belong to;
- a group's **coordinator** also manages its people, meetings and discussions
  (hides posts, writes minutes);
- the **redazione** (its Django group, or a superuser) sees and manages every group;
- the **Cabina di Regia** (members of a working group of that kind) and the redazione
  see the programme's monitoring.

Anyone else who is logged in (an editor without a profile) gets a 403 that
says why; an anonymous visitor goes to the login, which says why too.
"""

from django.contrib.auth.models import Group

from ciao.roles import REDAZIONE


def is_redazione(user):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_community_is_redazione", None)
    if cached is None:
        cached = user.groups.filter(name=REDAZIONE).exists()
        user._community_is_redazione = cached
    return cached


def member_of(user):
    """The user's ``Member`` profile, or None."""
    if not user.is_authenticated:
        return None
    from .models import Member

    try:
        return user.member
    except Member.DoesNotExist:
        return None


def may_enter(user):
    """May use the reserved area at all."""
    return member_of(user) is not None or is_redazione(user)


def visible_groups(user):
    """The working groups whose space the user may open."""
    from .models import WorkingGroup

    if is_redazione(user):
        return WorkingGroup.objects.all()
    member = member_of(user)
    if member is None:
        return WorkingGroup.objects.none()
    return WorkingGroup.objects.filter(memberships__member=member)


def membership(user, group):
    """The user's ``Membership`` of ``group``, or None."""
    member = member_of(user)
    if member is None:
        return None
    return group.memberships.filter(member=member).first()


def may_see_group(user, group):
    return is_redazione(user) or membership(user, group) is not None


def may_manage_group(user, group):
    """Coordinators of the group and the redazione manage its people, meetings and discussions."""
    if is_redazione(user):
        return True
    found = membership(user, group)
    return found is not None and found.is_coordinator


def may_monitor(user):
    """May see the monitoring page: the redazione and the members of the Cabina di Regia."""
    if is_redazione(user):
        return True
    cached = getattr(user, "_community_may_monitor", None)
    if cached is None:
        from .models import WorkingGroup

        member = member_of(user)
        cached = member is not None and (member.memberships.filter(group__kind=WorkingGroup.Kind.STEERING).exists())
        user._community_may_monitor = cached
    return cached


def working_django_groups():
    """The Django groups that stand for working groups (never editorial roles)."""
    return Group.objects.filter(working_group__isnull=False)
