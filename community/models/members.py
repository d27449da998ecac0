"""A member of the community of practice: the person behind a user account, as other members see them."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def new_calendar_token():
    return secrets.token_urlsafe(32)


class Member(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("utente"), on_delete=models.CASCADE, related_name="member"
    )
    organisation = models.ForeignKey(
        "ciao.Organisation",
        verbose_name=_("organizzazione"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    ambito = models.ForeignKey(
        "ciao.Ambito", verbose_name=_("ambito"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(
        _("ruolo"), max_length=150, blank=True, help_text=_("Per esempio: educatrice, assistente sociale, formatore.")
    )
    themes = models.ManyToManyField("ciao.Theme", verbose_name=_("temi di competenza"), blank=True, related_name="+")
    target_groups = models.ManyToManyField(
        "ciao.TargetGroup", verbose_name=_("destinatari con cui lavora"), blank=True, related_name="+"
    )
    expertise = models.ManyToManyField(
        "taggit.Tag",
        verbose_name=_("competenze"),
        blank=True,
        related_name="+",
        help_text=_("Le etichette del sito che descrivono ciò che sai fare."),
    )
    presentation = models.TextField(_("presentazione"), max_length=2000, blank=True)
    phone = models.CharField(_("telefono"), max_length=40, blank=True)
    contact_email = models.EmailField(_("e-mail di contatto"), blank=True)
    show_contacts = models.BooleanField(
        _("mostra i miei contatti agli altri membri"),
        default=False,
        help_text=_("Se non lo scegli, i tuoi contatti restano visibili solo alla redazione."),
    )
    calendar_token = models.CharField(max_length=64, unique=True, default=new_calendar_token, editable=False)
    deletion_requested_at = models.DateTimeField(_("cancellazione chiesta il"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membro")
        verbose_name_plural = _("membri")
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:member", args=[self.pk])

    @property
    def name(self):
        return self.user.get_full_name() or self.user.get_username()

    def email_for_contact(self):
        return self.contact_email or self.user.email

    def revoke_calendar_token(self):
        """A new secret address for the private calendar; the old one stops working at once."""
        self.calendar_token = new_calendar_token()
        self.save(update_fields=["calendar_token"])
