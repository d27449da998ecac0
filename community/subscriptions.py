"""Subscribing, confirming, changing and leaving: what the /segui/ pages do to subscriptions.

Citizens confirm by following the e-mailed link and pressing a button there
(a mail scanner that opens links confirms nothing). Until then only that
confirmation is ever sent. The reply to the form is the same whether the
address was known or not, so the form tells nobody who follows what.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .digests import render_message
from .models import Subscription

# One confirmation e-mail per address in this time, however often the form is sent for it.
CONFIRMATION_INTERVAL = timedelta(minutes=10)
FOLLOWED = ("themes", "ambiti", "target_groups", "tags", "pages", "groups")


def set_interests(subscription, cleaned_data):
    for name in FOLLOWED:
        if name in cleaned_data:
            getattr(subscription, name).set(cleaned_data[name])


@transaction.atomic
def subscribe_citizen(email, frequency, cleaned_data):
    """A pending subscription for ``email`` with these choices; the confirmation leaves after commit.

    A pending one for the same address is reused (its link stays valid), so sending the
    form again changes the choices without flooding the address with e-mails.
    """
    now = timezone.now()
    subscription = (
        Subscription.objects.select_for_update()
        .filter(email__iexact=email, member__isnull=True, confirmed_at__isnull=True, unsubscribed_at__isnull=True)
        .order_by("-created_at")
        .first()
    )
    if subscription is None or subscription.confirmation_expired:
        subscription = Subscription.objects.create(email=email, frequency=frequency)
    else:
        subscription.frequency = frequency
        subscription.save(update_fields=["frequency"])
    set_interests(subscription, cleaned_data)
    if subscription.confirmation_sent_at is None or subscription.confirmation_sent_at < now - CONFIRMATION_INTERVAL:
        subscription.confirmation_sent_at = now
        subscription.save(update_fields=["confirmation_sent_at"])
        transaction.on_commit(lambda: email_confirmation.enqueue(subscription.pk))
    return subscription


@task()
def email_confirmation(subscription_id):
    subscription = Subscription.objects.filter(pk=subscription_id, confirmed_at__isnull=True).first()
    if subscription is None:
        return  # confirmed or deleted meanwhile
    message = render_message("confirmation", {"days": _confirmation_days()}, subscription)
    # Not a list message yet: there is nothing to leave before confirming.
    del message.extra_headers["List-Unsubscribe"]
    del message.extra_headers["List-Unsubscribe-Post"]
    message.send()


def _confirmation_days():
    from .models.following import CONFIRMATION_DAYS

    return getattr(settings, "SUBSCRIPTION_CONFIRMATION_DAYS", CONFIRMATION_DAYS)


@transaction.atomic
def confirm(subscription):
    """Start sending to this address; an older subscription of the same address gives way to it."""
    if subscription.confirmed_at is not None:
        return
    now = timezone.now()
    Subscription.objects.filter(email__iexact=subscription.email, member__isnull=True).exclude(
        pk=subscription.pk
    ).filter(unsubscribed_at__isnull=True).update(unsubscribed_at=now)
    subscription.confirmed_at = now
    subscription.save(update_fields=["confirmed_at"])


@transaction.atomic
def subscribe_member(member, frequency, cleaned_data):
    """A member's own subscription, confirmed at once: they are logged in with their account's address."""
    subscription, _created = Subscription.objects.select_for_update().get_or_create(
        member=member, defaults={"email": member.user.email, "confirmed_at": timezone.now()}
    )
    subscription.email = member.user.email or subscription.email
    subscription.frequency = frequency
    subscription.confirmed_at = subscription.confirmed_at or timezone.now()
    subscription.unsubscribed_at = None
    subscription.save(update_fields=["email", "frequency", "confirmed_at", "unsubscribed_at"])
    set_interests(subscription, cleaned_data)
    return subscription


def update(subscription, frequency, cleaned_data):
    with transaction.atomic():
        subscription.frequency = frequency
        subscription.save(update_fields=["frequency"])
        set_interests(subscription, cleaned_data)


def unsubscribe(subscription):
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])


def resubscribe(subscription):
    """Back on, from the subscription's own link (which proves the address)."""
    subscription.unsubscribed_at = None
    subscription.confirmed_at = subscription.confirmed_at or timezone.now()
    subscription.save(update_fields=["unsubscribed_at", "confirmed_at"])
