"""A thread is found by its visible posts: a reply, an edit or a hidden post changes its search entry.

Threads, meetings and documents are indexed by modelsearch's own signal handlers
when they are saved; posts are not indexed themselves, so their changes reach
the index here, at the same moment as modelsearch's (django-tasks' immediate
backend: on save).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.search import index

from .models import Post, Thread


def _reindex_thread(thread_id):
    thread = Thread.objects.filter(pk=thread_id).first()
    if thread is not None:  # gone with its group, say: modelsearch removes its entry
        index.insert_or_update_object(thread)


def post_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        _reindex_thread(instance.thread_id)


def connect():
    post_save.connect(post_changed, sender=Post, dispatch_uid="community_post_saved_reindex")
    post_delete.connect(post_changed, sender=Post, dispatch_uid="community_post_deleted_reindex")
