"""Invitations: the redazione asks a person to join; a link (valid some days, once) sets their password."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_DAYS = 14


def token_digest(token):
    # Only the digest is stored: a database leak gives no usable link.
    return hashlib.sha256(token.encode()).hexdigest()


def default_expiry():
    return timezone.now() + timedelta(days=getattr(settings, "INVITATION_DAYS", INVITATION_DAYS))


class Invitation(models.Model):
    email = models.EmailField(_("e-mail"))
    first_name = models.CharField(_("nome"), max_length=150)
    last_name = models.CharField(_("cognome"), max_length=150)
    organisation = models.ForeignKey(
        "ciao.Organisation",
        verbose_name=_("organizzazione"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ambito = models.ForeignKey(
        "ciao.Ambito", verbose_name=_("ambito"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    groups = models.ManyToManyField(
        "community.WorkingGroup", verbose_name=_("gruppi"), blank=True, related_name="invitations"
    )
    message = models.TextField(_("messaggio personale"), max_length=2000, blank=True)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("scade il"), default=default_expiry)
    sent_at = models.DateTimeField(_("inviato il"), null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("accettato il"), null=True, blank=True, editable=False)
    member = models.ForeignKey(
        "community.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("invito")
        verbose_name_plural = _("inviti")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.first_name} {self.last_name} <{self.email}>"

    def new_token(self):
        """A fresh secret for the link (the previous link stops working); returns it, stores its digest."""
        token = secrets.token_urlsafe(32)
        self.token_digest = token_digest(token)
        return token

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def status(self):
        if self.accepted_at:
            return _("accettato")
        if self.is_expired:
            return _("scaduto")
        return _("in attesa")

    @classmethod
    def find(cls, token):
        return cls.objects.filter(token_digest=token_digest(token)).first()
