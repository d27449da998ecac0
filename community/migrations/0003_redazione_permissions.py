"""The redazione manages working groups, members and invitations in the admin (``community.wagtail_hooks``).

Nobody else gets these permissions: operatori and formatori never see the
community's snippets, and members do not use the admin at all.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REDAZIONE = "Redazione"
MODELS = ("workinggroup", "member", "invitation", "membership")
ACTIONS = ("add", "change", "delete", "view")


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="community",
        codename__in=[f"{action}_{model}" for model in MODELS for action in ACTIONS],
    )


def grant(apps, schema_editor):
    # Permissions are normally created after migrations; the grant needs them now.
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    redazione, _created = Group.objects.get_or_create(name=REDAZIONE)
    redazione.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    redazione = Group.objects.filter(name=REDAZIONE).first()
    if redazione is not None:
        redazione.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_seed_working_groups"),
        ("ciao", "0003_roles_and_review_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
