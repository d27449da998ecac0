from django.apps import apps
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from taggit.models import Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache
from .file_access import refresh_all_file_uses, refresh_file_uses
from .models.vocabularies import VocabularyItem
from .roles import grant_contributor_permissions
from .tags import reindex_pages_tagged


def grant_permissions_on_new_index_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_contributor_permissions(instance)


def reindex_pages_of_renamed_tag(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        transaction.on_commit(lambda: reindex_pages_tagged([instance.pk]))


def refresh_file_uses_of_page(sender, instance, **kwargs):
    # Sent once the whole live version is saved, its child rows (attachments,
    # a material's files) included: post_save comes before those.
    refresh_file_uses(instance)


def fill_file_uses_once(sender, app_config=None, using="default", **kwargs):
    """After ``migrate``: fill FileUse for a database whose pages predate it."""
    from .models import FileUse

    if app_config is None or app_config.name != "ciao":
        return
    if FileUse._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated back to before it existed
    if not FileUse.objects.using(using).exists() and Page.objects.using(using).live().filter(depth__gt=1).exists():
        refresh_all_file_uses()


def register_signal_handlers():
    for model in get_page_models():
        if getattr(model, "contributor_group", None):
            post_save.connect(grant_permissions_on_new_index_page, sender=model)
    post_save.connect(reindex_pages_of_renamed_tag, sender=Tag)
    page_published.connect(refresh_file_uses_of_page)
    page_unpublished.connect(refresh_file_uses_of_page)
    post_migrate.connect(fill_file_uses_once)
    connect_page_cache()


def connect_page_cache():
    """Drop the pages kept for anonymous visitors whenever something they show changes."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_cache.invalidate, dispatch_uid=f"page-cache-{id(signal)}")
    post_delete.connect(page_cache.invalidate, sender=Page, dispatch_uid="page-cache-page-delete")
    # What pages show besides their own fields: every vocabulary (the apps' too, e.g. the
    # materials' audiences), the site settings (header, footer), tags (renamed, merged),
    # images (a replaced file changes its renditions), documents (title, size and type are
    # shown beside their links), sites (host names in links), and view
    # restrictions (a page made private must stop being served to anyone at once).
    shown = [
        model for model in apps.get_models() if issubclass(model, (VocabularyItem, BaseSiteSetting, BaseGenericSetting))
    ]
    page_cache.invalidate_on(*shown, Tag, get_image_model(), get_document_model(), Site, PageViewRestriction)
