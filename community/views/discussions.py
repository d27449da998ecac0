"""A group's discussions: threads, replies, following, editing one's posts, coordinators hiding posts.

Everything is reached through the group (``group_for``): a thread or post of another group is a 404.
Writing takes a member profile: the redazione without one reads and moderates, but does not post.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import discussions
from ..access import may_manage_group
from ..forms.discussions import HidePostForm, PostForm, ThreadForm
from ..models import Post, Thread, ThreadFollow
from .base import group_for, managed_group_for, reserved


def _crumbs(group, *rest):
    return [(_("Gruppi"), reverse("community:groups")), (group.name, group.get_absolute_url()), *rest]


def _post_url(post):
    return f"{reverse('community:thread', args=[post.thread.group.slug, post.thread_id])}#post-{post.pk}"


def _data(request):
    # Not ``request.POST or None``: an empty POST is a form sent empty, to answer with its errors.
    return request.POST if request.method == "POST" else None


def _member_or_403(request):
    if request.member is None:
        raise PermissionDenied(_("Per scrivere nelle discussioni serve un profilo di membro."))
    return request.member


@reserved
@require_http_methods(["GET", "POST"])
def new_thread(request, slug):
    group = group_for(request, slug)
    member = _member_or_403(request)
    form = ThreadForm(_data(request))
    if request.method == "POST" and form.is_valid():
        thread = discussions.start_thread(group, member, form.cleaned_data["title"], form.cleaned_data["body"])
        messages.success(request, _("Discussione aperta. Riceverai un'e-mail a ogni risposta."))
        return redirect(reverse("community:thread", args=[group.slug, thread.pk]))
    context = {
        "group": group,
        "form": form,
        "crumbs": _crumbs(group, (_("Nuova discussione"), "")),
    }
    return render(request, "community/thread_form.html", context, status=400 if form.is_bound else 200)


@reserved
@require_http_methods(["GET", "POST"])
def thread(request, slug, pk):
    group = group_for(request, slug)
    thread = get_object_or_404(Thread.objects.select_related("author__user"), pk=pk, group=group)
    thread.group = group
    member = request.member
    form = PostForm()
    status = 200
    if request.method == "POST":
        member = _member_or_403(request)
        form = PostForm(request.POST)
        if form.is_valid():
            post = discussions.add_reply(thread, member, form.cleaned_data["body"])
            post.thread = thread
            return redirect(_post_url(post))
        status = 400
    elif member is not None:
        discussions.mark_read(thread, member)
    may_moderate = may_manage_group(request.user, group)
    context = {
        "group": group,
        "thread": thread,
        "posts": thread.posts.select_related("author__user"),
        "form": form,
        "may_moderate": may_moderate,
        # Who sees a hidden post's text: those who may hide it (they judge it), nobody else.
        "sees_hidden_text": may_moderate,
        "following": member is not None and ThreadFollow.objects.filter(thread=thread, member=member).exists(),
        "crumbs": _crumbs(group, (thread.title, "")),
    }
    return render(request, "community/thread.html", context, status=status)


@reserved
def follow(request, slug, pk):
    group = group_for(request, slug)
    thread = get_object_or_404(Thread, pk=pk, group=group)
    # Checked after the group, so that another group's thread is a 404 whatever the method.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    member = _member_or_403(request)
    deleted, _details = ThreadFollow.objects.filter(thread=thread, member=member).delete()
    if deleted:
        messages.success(request, _("Non segui più questa discussione: non riceverai e-mail sulle nuove risposte."))
    else:
        discussions.follow(thread, member)
        messages.success(request, _("Segui questa discussione: riceverai un'e-mail a ogni nuova risposta."))
    return redirect(reverse("community:thread", args=[group.slug, thread.pk]))


@reserved
@require_http_methods(["GET", "POST"])
def edit_post(request, slug, pk):
    group = group_for(request, slug)
    post = get_object_or_404(Post.objects.select_related("thread"), pk=pk, thread__group=group)
    post.thread.group = group
    if request.member is None or post.author_id != request.member.pk:
        raise PermissionDenied(_("Solo chi ha scritto un messaggio può modificarlo."))
    if post.is_hidden:
        # Its text is for the coordinators' judgement now: editing would show it and change what they judged.
        raise PermissionDenied(_("Un coordinatore ha nascosto questo messaggio: non si può più modificare."))
    form = PostForm(_data(request), initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        post.body = form.cleaned_data["body"]
        post.edited_at = timezone.now()
        post.save(update_fields=["body", "edited_at"])
        messages.success(request, _("Messaggio modificato."))
        return redirect(_post_url(post))
    context = {
        "group": group,
        "post": post,
        "form": form,
        "crumbs": _crumbs(
            group,
            (post.thread.title, reverse("community:thread", args=[group.slug, post.thread_id])),
            (_("Modifica il messaggio"), ""),
        ),
    }
    return render(request, "community/post_form.html", context, status=400 if form.is_bound else 200)


@reserved
@require_http_methods(["GET", "POST"])
def hide_post(request, slug, pk):
    group = managed_group_for(request, slug)
    post = get_object_or_404(Post.objects.select_related("thread", "author__user"), pk=pk, thread__group=group)
    post.thread.group = group
    form = HidePostForm(_data(request), initial={"reason": post.hidden_reason})
    if request.method == "POST" and form.is_valid():
        post.hidden_at = post.hidden_at or timezone.now()
        post.hidden_reason = form.cleaned_data["reason"]
        post.hidden_by = request.member
        post.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
        discussions.refresh_last_post_at(post.thread)
        messages.success(request, _("Messaggio nascosto: i membri del gruppo ne vedono solo il motivo."))
        return redirect(_post_url(post))
    context = {
        "group": group,
        "post": post,
        "form": form,
        "crumbs": _crumbs(
            group,
            (post.thread.title, reverse("community:thread", args=[group.slug, post.thread_id])),
            (_("Nascondi il messaggio"), ""),
        ),
    }
    return render(request, "community/hide_post.html", context, status=400 if form.is_bound else 200)
