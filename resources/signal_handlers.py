"""Keep materials' search entries in step with the files they attach.

Wagtail re-indexes a page when it is published; a document saved with a new
file (and so new text) afterwards would leave its materials' entries stale.
"""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.search import index

from .models import ResourcePage


def reindex_materials_of_document(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for page in ResourcePage.objects.live().filter(files__document=instance).distinct():
        index.insert_or_update_object(page)


def register_signal_handlers():
    post_save.connect(reindex_materials_of_document, sender=get_document_model())
