from django.db.models.signals import post_save
from wagtail.models import get_page_models

from .roles import grant_contributor_permissions


def grant_permissions_on_new_index_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_contributor_permissions(instance)


def register_signal_handlers():
    for model in get_page_models():
        if getattr(model, "contributor_group", None):
            post_save.connect(grant_permissions_on_new_index_page, sender=model)
