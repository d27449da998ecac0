"""A group's discussions: threads of plain-text posts, followed by whoever wants to hear of replies."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

MAX_POST_LENGTH = 10_000


class Thread(index.Indexed, models.Model):
    group = models.ForeignKey("community.WorkingGroup", on_delete=models.CASCADE, related_name="threads")
    title = models.CharField(_("titolo"), max_length=200)
    author = models.ForeignKey("community.Member", null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # The time of the newest visible post: lists are ordered by it and "unread" compares with it.
    last_post_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("discussione")
        verbose_name_plural = _("discussioni")
        ordering = ["-last_post_at"]

    # Found by the group's members only: community/group_search.py filters on the group.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("visible_text"),
        index.FilterField("group"),
    ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:thread", args=[self.group.slug, self.pk])

    def visible_text(self):
        """The posts a member may read; a hidden post's words are never found."""
        return "\n\n".join(post.body for post in self.posts.all() if not post.is_hidden)


class Post(models.Model):
    """A thread's opening message or a reply: plain text (links become links when shown)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey("community.Member", null=True, on_delete=models.SET_NULL, related_name="posts")
    body = models.TextField(_("messaggio"), max_length=MAX_POST_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("motivo"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        "community.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("messaggio")
        verbose_name_plural = _("messaggi")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.thread}: {self.body[:40]}"

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class ThreadFollow(models.Model):
    """Who hears by e-mail of new replies in a thread (its author and repliers, until they stop)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    member = models.ForeignKey("community.Member", on_delete=models.CASCADE, related_name="thread_follows")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "member"], name="one_follow_per_thread")]

    def __str__(self):
        return f"{self.member} → {self.thread}"


class ThreadReading(models.Model):
    """When a member last read a thread: newer posts are unread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="readings")
    member = models.ForeignKey("community.Member", on_delete=models.CASCADE, related_name="thread_readings")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "member"], name="one_reading_per_thread")]

    def __str__(self):
        return f"{self.member} → {self.thread} ({self.read_at})"
