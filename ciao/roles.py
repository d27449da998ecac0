"""Editorial roles: who may write, who may publish.

The groups themselves are created by a data migration. Page permissions are tied
to pages, so contributors get "add" on each index page of their content type as
soon as that index page exists: an index page class names its contributor group
in ``contributor_group``. With "add" alone Wagtail lets a person create pages
there, edit the ones they own and submit them for review, but not publish.
"""

from django.contrib.auth.models import Group, Permission

REDAZIONE = "Redazione"
OPERATORI = "Operatori"
FORMATORI = "Formatori"

CONTRIBUTOR_PAGE_PERMISSIONS = ["add_page"]


def grant_contributor_permissions(page):
    """Give the page's contributor group the right to add and edit its own pages under it."""
    from wagtail.models import GroupPagePermission

    group_name = getattr(type(page), "contributor_group", None)
    if not group_name:
        return
    group, _ = Group.objects.get_or_create(name=group_name)
    for codename in CONTRIBUTOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
