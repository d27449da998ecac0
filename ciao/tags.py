"""Tags shared by every page type: one taggit ``Tag`` table, one through model per type.

Here: which types carry tags, merging tags and re-indexing after a rename (the
admin's side, ``tag_admin.py``). What visitors see of tags, /tag/ and
/tag/<slug>/, is ``discovery.tags``'s.
"""

from django.db import transaction
from wagtail.models import get_page_models
from wagtail.search import index


def tagged_page_models():
    """Page types that carry tags (a ``tags`` ClusterTaggableManager)."""
    return [model for model in get_page_models() if "tags" in {f.name for f in model._meta.get_fields()}]


def through_models():
    return [model._meta.get_field("tags").through for model in tagged_page_models()]


def reindex_pages_tagged(tag_ids):
    """Refresh the search index of every page carrying one of these tags.

    Tag names are part of the pages' indexed text, so a renamed or merged tag
    must be re-indexed for search to follow.
    """
    for model in tagged_page_models():
        for page in model.objects.filter(tags__id__in=list(tag_ids)).distinct():
            index.insert_or_update_object(page)


@transaction.atomic
def merge_tags(sources, target):
    """Move every use of the ``sources`` tags to ``target``, then delete the sources.

    Returns the number of pages whose tags changed.
    """
    source_ids = [tag.pk for tag in sources if tag.pk != target.pk]
    affected = 0
    for through in through_models():
        rows = through.objects.filter(tag_id__in=source_ids)
        already_tagged = set(through.objects.filter(tag=target).values_list("content_object_id", flat=True))
        affected += rows.values("content_object_id").distinct().count()
        # A page carrying both a source and the target keeps the target once.
        rows.filter(content_object_id__in=already_tagged).delete()
        rows.update(tag=target)
    type(target).objects.filter(pk__in=source_ids).delete()
    transaction.on_commit(lambda: reindex_pages_tagged([target.pk]))
    return affected
