from django.db import transaction
from django.db.models.signals import post_save
from taggit.models import Tag
from wagtail.models import get_page_models

from .roles import grant_contributor_permissions
from .tags import reindex_pages_tagged


def grant_permissions_on_new_index_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_contributor_permissions(instance)


def reindex_pages_of_renamed_tag(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        transaction.on_commit(lambda: reindex_pages_tagged([instance.pk]))


def register_signal_handlers():
    for model in get_page_models():
        if getattr(model, "contributor_group", None):
            post_save.connect(grant_permissions_on_new_index_page, sender=model)
    post_save.connect(reindex_pages_of_renamed_tag, sender=Tag)
