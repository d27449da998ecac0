"""Questions to a practice or a material: who may ask, answer, publish and hide, and what each changes.

The page's author is its Wagtail owner: practices and materials name their
authors as text, which says nothing about who logs in.
"""

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from .access import is_redazione
from .exchange_notifications import notify_answer, notify_new_question
from .models import Answer, Question

# The page types one may ask about (app_label.model).
ASKABLE = {("practices", "practicepage"), ("resources", "resourcepage")}


def is_askable(page):
    content_type = page.cached_content_type
    return (content_type.app_label, content_type.model) in ASKABLE


def askable_page(page_id):
    """The live, public practice or material ``page_id``; 404 for anything else."""
    from wagtail.models import Page

    page = Page.objects.live().public().filter(pk=page_id).select_related("content_type").first()
    if page is None or not is_askable(page):
        raise Http404
    return page


def is_page_author(user, page):
    return user.is_authenticated and page.owner_id is not None and page.owner_id == user.pk


def may_answer(user, question):
    return is_redazione(user) or is_page_author(user, question.page)


def may_read(user, question, member):
    """The asker, the page's author and the redazione read a question (hidden or not)."""
    return (member is not None and question.asker_id == member.pk) or may_answer(user, question)


def ask(page, member, text):
    with transaction.atomic():
        question = Question.objects.create(page=page, asker=member, text=text)
        question_id = question.pk
        transaction.on_commit(lambda: notify_new_question.enqueue(question_id))
    return question


def answer(question, user, text):
    with transaction.atomic():
        reply = Answer.objects.create(
            question=question, author=user, text=text, by_redazione=not is_page_author(user, question.page)
        )
        answer_id = reply.pk
        transaction.on_commit(lambda: notify_answer.enqueue(answer_id))
    return reply


def set_public(question, public):
    question.is_public = public
    question.save(update_fields=["is_public"])


def hide(question, user, reason):
    question.hidden_at = question.hidden_at or timezone.now()
    question.hidden_reason = reason
    question.hidden_by = user
    question.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])


def to_my_pages(user):
    """The questions the user answers: on pages they own, or every one for the redazione; newest first."""
    questions = Question.objects.all() if is_redazione(user) else Question.objects.filter(page__owner=user)
    return _listed(questions)


def asked_by(member):
    if member is None:
        return Question.objects.none()
    return _listed(Question.objects.filter(asker=member))


def _listed(questions):
    from django.db.models import Count

    return (
        questions.select_related("page", "asker__user").annotate(answer_count=Count("answers")).order_by("-created_at")
    )
