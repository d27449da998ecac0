"""E-mails to the people who follow a thread, sent off the request by django-tasks."""

from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .access import may_see_group
from .models import Post, ThreadFollow


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task()
def notify_followers(post_id):
    """One e-mail about reply ``post_id`` to each follower of its thread but its author.

    A post hidden (or deleted) before the task runs is not sent: its text must reach nobody.
    Followers who no longer may see the group (they left it) hear nothing of it.
    """
    post = Post.objects.select_related("thread__group", "author__user").filter(pk=post_id).first()
    if post is None or post.is_hidden:
        return
    thread = post.thread
    follows = ThreadFollow.objects.filter(thread=thread).select_related("member__user")
    if post.author_id is not None:
        follows = follows.exclude(member_id=post.author_id)
    recipients = [
        follow.member
        for follow in follows
        if follow.member.user.is_active and follow.member.user.email and may_see_group(follow.member.user, thread.group)
    ]
    if not recipients:
        return
    context = {
        "post": post,
        "thread": thread,
        "group": thread.group,
        "author_name": post.author.name if post.author else "",
        "thread_url": absolute_url(thread.get_absolute_url()),
        "post_url": absolute_url(f"{thread.get_absolute_url()}#post-{post.pk}"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("community/email/reply_notification_subject.txt", context).split())
        messages = [
            mail.EmailMessage(
                subject=subject,
                body=render_to_string("community/email/reply_notification.txt", {**context, "recipient": member}),
                to=[member.user.email],
            )
            for member in recipients
        ]
    with mail.get_connection() as connection:
        connection.send_messages(messages)
