"""E-mails about adoptions and questions, sent off the request by django-tasks (as community/notifications.py).

Each task reads the row again when it runs: what changed in between (a question
hidden, an adoption sent back) decides what is sent, or whether anything is.
"""

from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import Adoption, Answer, Question
from .notifications import absolute_url


def _send(template, context, recipients):
    recipients = [address for address in dict.fromkeys(recipients) if address]
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"community/email/{template}_subject.txt", context).split())
        body = render_to_string(f"community/email/{template}.txt", context)
    # One message each: no recipient learns the others' addresses.
    messages = [mail.EmailMessage(subject=subject, body=body, to=[address]) for address in recipients]
    with mail.get_connection() as connection:
        connection.send_messages(messages)


def _redazione():
    return getattr(settings, "REDAZIONE_EMAIL", "")


@task()
def notify_adoption_submitted(adoption_id):
    """Tell the redazione an adoption waits for review."""
    adoption = (
        Adoption.objects.select_related("practice", "ambito", "submitted_by__user").filter(pk=adoption_id).first()
    )
    if adoption is None or adoption.status != Adoption.Status.IN_REVIEW:
        return
    context = {
        "adoption": adoption,
        "admin_url": absolute_url(f"/admin/snippets/community/adoption/edit/{adoption.pk}/"),
    }
    _send("adoption_submitted", context, [_redazione()])


@task()
def notify_adoption_reviewed(adoption_id):
    """Tell whoever recorded the adoption that it is published, or why it was sent back."""
    adoption = (
        Adoption.objects.select_related("practice", "ambito", "submitted_by__user").filter(pk=adoption_id).first()
    )
    if adoption is None or adoption.status not in (Adoption.Status.PUBLISHED, Adoption.Status.REJECTED):
        return
    submitter = adoption.submitted_by
    if submitter is None or not submitter.user.is_active:
        return
    context = {
        "adoption": adoption,
        "recipient": submitter,
        "practice_url": absolute_url(adoption.practice.url or "/"),
        "edit_url": absolute_url(adoption.get_absolute_url()),
    }
    _send("adoption_reviewed", context, [submitter.user.email])


@task()
def notify_new_question(question_id):
    """Tell the page's author (and the redazione, if it has an address) that a question waits for an answer."""
    question = Question.objects.select_related("page__owner", "asker__user").filter(pk=question_id).first()
    if question is None or question.is_hidden:
        return
    owner = question.page.owner
    recipients = [owner.email] if owner is not None and owner.is_active else []
    recipients.append(_redazione())
    context = {"question": question, "page": question.page, "question_url": absolute_url(question.get_absolute_url())}
    _send("new_question", context, recipients)


@task()
def notify_answer(answer_id):
    """Tell the asker their question has an answer (a hidden question's asker still hears: it is theirs)."""
    answer = Answer.objects.select_related("question__page", "question__asker__user").filter(pk=answer_id).first()
    if answer is None:
        return
    asker = answer.question.asker
    if asker is None or not asker.user.is_active:
        return
    context = {
        "answer": answer,
        "question": answer.question,
        "page": answer.question.page,
        "recipient": asker,
        "question_url": absolute_url(answer.question.get_absolute_url()),
    }
    _send("answer", context, [asker.user.email])
