"""Keep each working group's Django group holding the group's members.

Wagtail restricts a page to Django groups (a partners' meeting among the events,
a reserved page): a person in a working group must be in its Django group, and
out of it when they leave, whatever removed them (the admin, a coordinator, a
deleted member or group).
"""

from django.db.models.signals import post_delete, post_save


def _add(sender, instance, **kwargs):
    instance.member.user.groups.add(instance.group.auth_group_id)


def _remove(sender, instance, **kwargs):
    from django.contrib.auth.models import Group

    from .models import Member, WorkingGroup

    try:
        user = instance.member.user
        group_id = instance.group.auth_group_id
    except (Member.DoesNotExist, WorkingGroup.DoesNotExist, Group.DoesNotExist):
        return  # the member or group went first, with its user or Django group
    user.groups.remove(group_id)


def _drop_django_group(sender, instance, **kwargs):
    # Its memberships (and so the people in it) are gone by now: nothing is left restricted to it by mistake.
    from django.contrib.auth.models import Group

    Group.objects.filter(pk=instance.auth_group_id).delete()


def connect():
    from .models import Membership, WorkingGroup

    post_save.connect(_add, sender=Membership, dispatch_uid="community_membership_added")
    post_delete.connect(_remove, sender=Membership, dispatch_uid="community_membership_removed")
    post_delete.connect(_drop_django_group, sender=WorkingGroup, dispatch_uid="community_group_deleted")
