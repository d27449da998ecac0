"""Create the editorial roles and route every submission to the redazione.

Redazione publishes everything and manages vocabularies, tags, settings and
redirects. Operatori and Formatori may use the admin and upload files; their page
rights ("add" on the practice and material index pages) are granted when those
index pages are created (see ``ciao.roles``). The review workflow replaces
Wagtail's default one on the root page, so everything submitted anywhere goes to
the redazione.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REDAZIONE, OPERATORI, FORMATORI = "Redazione", "Operatori", "Formatori"
TASK_NAME = "Approvazione della redazione"
WORKFLOW_NAME = "Revisione redazionale"

REDAZIONE_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *[
        ("ciao", f"{action}_{model}")
        for model in ("ambito", "comune", "organisation", "theme", "targetgroup")
        for action in ("add", "change", "delete")
    ],
    ("ciao", "change_sitesettings"),
    ("taggit", "add_tag"),
    ("taggit", "change_tag"),
    ("taggit", "delete_tag"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
]
REDAZIONE_PAGE_PERMISSIONS = [
    "add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page",
]
REDAZIONE_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", f"{action}_document") for action in ("add", "change", "delete", "choose")
] + [("wagtailimages", f"{action}_image") for action in ("add", "change", "delete", "choose")]
CONTRIBUTOR_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrations; roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    redazione, _ = Group.objects.get_or_create(name=REDAZIONE)
    redazione.permissions.add(*[_permission(apps, a, c) for a, c in REDAZIONE_MODEL_PERMISSIONS])
    for codename in REDAZIONE_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=redazione, page=root_page, permission=_permission(apps, "wagtailcore", codename)
        )
    for app_label, codename in REDAZIONE_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=redazione,
            collection=root_collection,
            permission=_permission(apps, app_label, codename),
        )

    for name in (OPERATORI, FORMATORI):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(_permission(apps, "wagtailadmin", "access_admin"))
        for app_label, codename in CONTRIBUTOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=_permission(apps, app_label, codename),
            )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([redazione])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root_page = Page.objects.get(depth=1)
    WorkflowPage.objects.filter(page=root_page, workflow__name=WORKFLOW_NAME).delete()
    # Give the root page back Wagtail's default workflow, if it is still there.
    default = Workflow.objects.filter(name="Moderators approval").first()
    if default and not WorkflowPage.objects.filter(page=root_page).exists():
        WorkflowPage.objects.create(page=root_page, workflow=default)
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    GroupApprovalTask.objects.filter(name=TASK_NAME).delete()
    Group.objects.filter(name__in=[REDAZIONE, OPERATORI, FORMATORI]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("ciao", "0002_seed_vocabularies"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
