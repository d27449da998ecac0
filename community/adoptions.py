"""What recording and reviewing an adoption changes besides the row: its status, and who hears of it."""

from django.db import transaction
from django.utils import timezone

from .exchange_notifications import notify_adoption_reviewed, notify_adoption_submitted
from .models import Adoption


def save_adoption(form, formset, member, submit):
    """Save a member's adoption and its indicators; ``submit`` sends it to the redazione, else it stays a draft."""
    with transaction.atomic():
        adoption = form.save(commit=False)
        if adoption.pk is None:
            adoption.submitted_by = member
        adoption.status = Adoption.Status.IN_REVIEW if submit else Adoption.Status.DRAFT
        adoption.save()
        form.save_m2m()
        formset.instance = adoption
        formset.save()
        if submit:
            adoption_id = adoption.pk
            transaction.on_commit(lambda: notify_adoption_submitted.enqueue(adoption_id))
    return adoption


def record_review(adoption, previous_status, user):
    """After the redazione saved ``adoption``: stamp who decided, and tell the submitter of a new decision."""
    decided = (Adoption.Status.PUBLISHED, Adoption.Status.REJECTED)
    if adoption.status == previous_status or adoption.status not in decided:
        return
    adoption.reviewed_by = user
    adoption.reviewed_at = timezone.now()
    adoption.save(update_fields=["reviewed_by", "reviewed_at"])
    adoption_id = adoption.pk
    transaction.on_commit(lambda: notify_adoption_reviewed.enqueue(adoption_id))
