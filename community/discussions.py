"""A group's discussions: the lists of threads (how many messages; which ones a member has not read since
their last post), each one query whatever the number of threads and posts; and what starting a thread,
replying and hiding a post change besides the post.
"""

from django.db import transaction
from django.db.models import BooleanField, Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone

from .models import Post, Thread, ThreadFollow, ThreadReading
from .notifications import notify_followers


def _annotated(threads, member):
    threads = threads.select_related("group", "author__user").annotate(
        post_count=Count("posts", filter=Q(posts__hidden_at__isnull=True))
    )
    if member is None:
        # The redazione without a profile reads no thread as a member: nothing is "new" for it.
        return threads.annotate(unread=Value(False, output_field=BooleanField()))
    read_since_last_post = ThreadReading.objects.filter(
        thread=OuterRef("pk"), member=member, read_at__gte=OuterRef("last_post_at")
    )
    return threads.annotate(unread=~Exists(read_since_last_post))


def threads_for(group, member):
    """The group's threads, latest activity first, each with ``post_count`` (visible posts) and ``unread`` for ``member``."""
    return _annotated(Thread.objects.filter(group=group), member)


def unread_threads(member, groups):
    """Threads of ``groups`` with posts ``member`` has not read (never opened, or posted in since), latest first."""
    if member is None:
        return Thread.objects.none()
    return _annotated(Thread.objects.filter(group__in=groups), member).filter(unread=True)


def mark_read(thread, member, when=None):
    """``member`` has read ``thread`` up to now (one statement: an insert that updates an earlier reading)."""
    ThreadReading.objects.bulk_create(
        [ThreadReading(thread=thread, member=member, read_at=when or timezone.now())],
        update_conflicts=True,
        unique_fields=["thread", "member"],
        update_fields=["read_at"],
    )


def follow(thread, member):
    ThreadFollow.objects.get_or_create(thread=thread, member=member)


def refresh_last_post_at(thread):
    """Set ``thread.last_post_at`` to its newest visible post (a hidden one is no news), or its start."""
    newest = thread.posts.filter(hidden_at__isnull=True).order_by("-created_at").values_list("created_at", flat=True)
    thread.last_post_at = newest.first() or thread.created_at
    thread.save(update_fields=["last_post_at"])


def start_thread(group, member, title, body):
    """A new thread with its first post; its author follows it and has read it."""
    with transaction.atomic():
        now = timezone.now()
        thread = Thread.objects.create(group=group, title=title, author=member, last_post_at=now)
        post = Post.objects.create(thread=thread, author=member, body=body)
        thread.last_post_at = post.created_at
        thread.save(update_fields=["last_post_at"])
        follow(thread, member)
        mark_read(thread, member, post.created_at)
    return thread


def add_reply(thread, member, body):
    """A reply; its author follows the thread from now on. The followers hear of it once the reply is saved."""
    with transaction.atomic():
        post = Post.objects.create(thread=thread, author=member, body=body)
        # Greatest: of two replies saved at once, the later one's time stays.
        Thread.objects.filter(pk=thread.pk).update(last_post_at=Greatest("last_post_at", Value(post.created_at)))
        follow(thread, member)
        post_id = post.pk
        transaction.on_commit(lambda: notify_followers.enqueue(post_id))
    return post
