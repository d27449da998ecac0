"""Sending an invitation and turning an accepted one into a member.

The redazione invites from the admin (``community.wagtail_hooks``); the person
follows the e-mailed link (``community.views.invitations``), which ends here.

Someone whose e-mail address already has an account (an editor, say) is not
given a second account: logged in as that account, they confirm, and the
profile and groups are attached to it (``accept_invitation(..., user=...)``).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from .models import Invitation, Member, Membership
from .models.invitations import token_digest


class InvitationUnavailable(Exception):
    """The invitation was accepted (or has expired) meanwhile."""


def invitation_link(token):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("community:accept_invitation", args=[token])


def send_invitation(invitation, invited_by):
    """Give the invitation a new link (the previous one stops working) and e-mail it once the transaction commits."""
    token = invitation.new_token()
    invitation.invited_by = invited_by
    invitation.sent_at = timezone.now()
    invitation.save(update_fields=["token_digest", "invited_by", "sent_at"])
    transaction.on_commit(lambda: email_invitation.enqueue(invitation.pk, token))
    return token


@task()
def email_invitation(invitation_id, token):
    invitation = Invitation.objects.filter(pk=invitation_id, token_digest=token_digest(token)).first()
    if invitation is None or invitation.accepted_at:
        return  # sent again since (this link no longer works), accepted, or deleted
    inviter = invitation.invited_by
    context = {
        "invitation": invitation,
        "link": invitation_link(token),
        "inviter_name": (inviter.get_full_name() or inviter.get_username()) if inviter else "",
        "groups": list(invitation.groups.order_by("sort_order", "name")),
    }
    subject = " ".join(render_to_string("community/email/invitation_subject.txt", context).split())
    body = render_to_string("community/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


def existing_users(invitation):
    """Accounts that already use the invitation's e-mail address."""
    return get_user_model().objects.filter(email__iexact=invitation.email)


def suggested_username(invitation):
    """The e-mail's local part, with a number added when an account already has it."""
    User = get_user_model()
    allowed = "".join(c for c in invitation.email.split("@")[0] if c.isalnum() or c in "._+-")[:140] or "membro"
    username, n = allowed, 1
    while User.objects.filter(username__iexact=username).exists():
        n += 1
        username = f"{allowed}{n}"
    return username


@transaction.atomic
def accept_invitation(invitation, *, username=None, password=None, user=None):
    """Make the invited person a member of the invitation's groups; returns their ``Member``.

    Either ``username`` and ``password`` for a new account (validated by the form
    already), or ``user``: the existing account, logged in, that the profile joins.
    Raises ``InvitationUnavailable`` if the invitation was used or expired meanwhile.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.is_expired:
        raise InvitationUnavailable
    if user is None:
        user = get_user_model().objects.create_user(
            username=username,
            email=invitation.email,
            password=password,
            first_name=invitation.first_name,
            last_name=invitation.last_name,
        )
    member, created = Member.objects.get_or_create(
        user=user, defaults={"organisation": invitation.organisation, "ambito": invitation.ambito}
    )
    if not created:
        # What the person wrote on their profile wins; the invitation only fills what is empty.
        member.organisation = member.organisation or invitation.organisation
        member.ambito = member.ambito or invitation.ambito
        member.save(update_fields=["organisation", "ambito"])
    if not (user.first_name or user.last_name):
        user.first_name, user.last_name = invitation.first_name, invitation.last_name
        user.save(update_fields=["first_name", "last_name"])
    for group in invitation.groups.all():
        Membership.objects.get_or_create(group=group, member=member)
    invitation.accepted_at = timezone.now()
    invitation.member = member
    invitation.save(update_fields=["accepted_at", "member"])
    return member
