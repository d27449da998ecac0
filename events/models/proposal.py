"""Who proposed an event: personal data, kept apart from the page and shown to the redazione only."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventProposal(models.Model):
    page = models.OneToOneField(
        "events.EventPage", verbose_name=_("evento proposto"), on_delete=models.CASCADE, related_name="proposal"
    )
    name = models.CharField(_("nome e cognome"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("telefono"), max_length=40, blank=True)
    privacy_consent = models.BooleanField(_("consenso al trattamento dei dati"), default=False)
    consent_at = models.DateTimeField(_("consenso dato il"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("inviata il"), auto_now_add=True)
    message = models.TextField(_("note per la redazione"), blank=True)

    class Meta:
        verbose_name = _("proposta di evento")
        verbose_name_plural = _("proposte di eventi")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.page.title} — {self.name}"
