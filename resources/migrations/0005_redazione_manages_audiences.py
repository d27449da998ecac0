"""The redazione manages the audiences of materials, as it manages the other vocabularies."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REDAZIONE = "Redazione"
CODENAMES = ["add_audience", "change_audience", "delete_audience"]


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; the group needs them now.
    app_config = apps.get_app_config("resources")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=REDAZIONE).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="resources", codename__in=CODENAMES)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=REDAZIONE).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="resources", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0004_seed_audiences"),
        ("ciao", "0003_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
