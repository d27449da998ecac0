"""Members and working groups of the reserved area."""

from .ciao import PASSWORD  # noqa: F401 - the members' password, for tests that log in through a form

_counter = {"n": 0}


def make_group(name=None, slug=None, kind="comunita"):
    """A working group (with its Django group)."""
    from community.models import WorkingGroup

    _counter["n"] += 1
    name = name or f"Gruppo di prova {_counter['n']}"
    group = WorkingGroup(name=name, kind=kind, summary=f"Di cosa si occupa {name}.")
    if slug:
        group.slug = slug
    group.save()
    return group


def make_member(username=None, groups=(), coordinates=(), organisation=None, ambito=None, role=None, **fields):
    """A user with a member profile, in ``groups`` as a member and in ``coordinates`` as coordinator."""
    from django.contrib.auth import get_user_model

    from community.models import Member, Membership

    _counter["n"] += 1
    username = username or f"membro{_counter['n']}"
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        first_name=fields.pop("first_name", username.capitalize()),
        last_name=fields.pop("last_name", "Prova"),
    )
    if role:
        from django.contrib.auth.models import Group

        user.groups.add(Group.objects.get(name=role))
    member = Member.objects.create(user=user, organisation=organisation, ambito=ambito, **fields)
    for group in groups:
        Membership.objects.create(group=group, member=member, role=Membership.Role.MEMBER)
    for group in coordinates:
        Membership.objects.create(group=group, member=member, role=Membership.Role.COORDINATOR)
    return member
