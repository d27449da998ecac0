"""The redazione keeps the search synonyms, as it keeps the vocabularies."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REDAZIONE = "Redazione"
CODENAMES = ["add_searchsynonym", "change_searchsynonym", "delete_searchsynonym", "view_searchsynonym"]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="discovery", codename__in=CODENAMES)


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; the group needs them now.
    app_config = apps.get_app_config("discovery")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=REDAZIONE).first()
    if group is not None:
        group.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=REDAZIONE).first()
    if group is not None:
        group.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("discovery", "0001_search_synonyms"),
        ("ciao", "0003_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
