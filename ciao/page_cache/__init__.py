"""Whole pages kept for anonymous visitors, dropped as soon as anything they show changes.

A page rendered for a visitor without a session is kept in the ``pages`` cache
(``PageCacheMiddleware``) under a key that includes the *generation*: a token
that every publish, unpublish, move or deletion of a page, and every change of
what pages show besides their own fields (vocabularies, site settings, tags,
images, view restrictions...), replaces. The token lives where every worker
reads it (``generation.py``), so each worker's own in-memory copy is dropped at
once, whichever worker or process (the admin, a cron job) made the change.

Apps name the models whose changes their pages show with ``invalidate_on``.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from . import generation


def invalidate(**kwargs):
    """Drop every kept page once the current transaction commits (a signal receiver).

    Not before: a worker rendering the page between the change and the commit
    would read the old content and keep it under the new generation.
    """
    transaction.on_commit(generation.bump, robust=True)


def invalidate_on(*models):
    """Drop every kept page whenever an instance of one of ``models`` is saved or deleted."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(invalidate, sender=model, dispatch_uid=f"page-cache-save-{label}")
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"page-cache-delete-{label}")
