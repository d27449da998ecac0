"""Following content: who hears of what (a subscription) and each e-mail sent to them (a delivery).

Anyone may subscribe with an e-mail address (double opt-in: nothing but the
confirmation is sent before they confirm); members subscribe from the site,
logged in, and are confirmed at once. What a subscription follows is a union:
an item reaches the subscriber if it matches any of the themes, ambiti, target
groups, tags, pages or working groups chosen.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CONFIRMATION_DAYS = 7


def new_subscription_token():
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    class Frequency(models.TextChoices):
        WEEKLY = "settimanale", _("Un riepilogo alla settimana")
        IMMEDIATE = "immediata", _("Un avviso per ogni novità")

    email = models.EmailField(_("e-mail"))
    member = models.ForeignKey(
        "community.Member",
        verbose_name=_("membro"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    # Kept in clear, unlike an invitation's: every digest must carry a working link to manage
    # and to leave the subscription, so the link has to be written again each week. It gives
    # access to one subscription's choices only, as a calendar's token does to one calendar.
    token = models.CharField(max_length=64, unique=True, default=new_subscription_token, editable=False)
    frequency = models.CharField(_("frequenza"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY)
    themes = models.ManyToManyField("ciao.Theme", verbose_name=_("temi"), blank=True, related_name="+")
    ambiti = models.ManyToManyField("ciao.Ambito", verbose_name=_("ambiti"), blank=True, related_name="+")
    target_groups = models.ManyToManyField(
        "ciao.TargetGroup", verbose_name=_("destinatari"), blank=True, related_name="+"
    )
    tags = models.ManyToManyField("taggit.Tag", verbose_name=_("etichette"), blank=True, related_name="+")
    pages = models.ManyToManyField(
        "wagtailcore.Page", verbose_name=_("pagine"), blank=True, related_name="subscriptions"
    )
    groups = models.ManyToManyField(
        "community.WorkingGroup", verbose_name=_("gruppi di lavoro"), blank=True, related_name="subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("confermata il"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("annullata il"), null=True, blank=True)

    class Meta:
        verbose_name = _("iscrizione agli aggiornamenti")
        verbose_name_plural = _("iscrizioni agli aggiornamenti")
        ordering = ["-created_at"]
        constraints = [
            # A member has one subscription, which they edit; citizens may have a pending one
            # beside the confirmed one (confirming it replaces the older: subscriptions.confirm).
            models.UniqueConstraint(
                fields=["member"], condition=Q(member__isnull=False), name="one_subscription_per_member"
            ),
        ]

    def __str__(self):
        return self.email

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None

    @property
    def confirmation_expired(self):
        return self.confirmed_at is None and self.created_at < timezone.now() - timedelta(
            days=getattr(settings, "SUBSCRIPTION_CONFIRMATION_DAYS", CONFIRMATION_DAYS)
        )

    @classmethod
    def active(cls):
        return cls.objects.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class Delivery(models.Model):
    """One e-mail to one subscriber: a week's digest (key "digest:2026-W48") or a notice ("pagina:42").

    The row is written, and committed, before the e-mail leaves: a second run finds it and sends
    nothing again. A send that raised is marked failed and claimed again by the next run.
    """

    class Status(models.TextChoices):
        SENDING = "sending", _("in invio")
        SENT = "sent", _("inviata")
        FAILED = "failed", _("non riuscita")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    key = models.CharField(max_length=100)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The moment the digest's content was gathered up to: the next digest starts from here.
    covers_until = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("invio")
        verbose_name_plural = _("invii")
        constraints = [models.UniqueConstraint(fields=["subscription", "key"], name="one_delivery_per_key")]

    def __str__(self):
        return f"{self.subscription} {self.key} ({self.status})"
