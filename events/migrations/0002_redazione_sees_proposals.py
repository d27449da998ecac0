"""Only the redazione may read (and delete) who proposed an event."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REDAZIONE = "Redazione"
CODENAMES = ["view_eventproposal", "change_eventproposal", "delete_eventproposal"]


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; the grant needs them now.
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=REDAZIONE)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="events", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=REDAZIONE).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="events", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("ciao", "0003_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
