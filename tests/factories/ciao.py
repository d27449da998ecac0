"""Users of the site, in its editorial groups."""

PASSWORD = "password-di-prova"


def make_user(username, role=None):
    """A user in the group ``role`` (its name), or a superuser with ``role=None``; password ``PASSWORD``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        is_staff=role is None,
        is_superuser=role is None,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user
