"""Invitations: the redazione's form in the admin, and the invited person's forms on the site."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .base import CommunityForm, CommunityFormMixin


class InvitationAdminForm(WagtailAdminModelForm):
    """The admin's create and edit form; editing can send the invitation again, with a new link."""

    send_again = forms.BooleanField(
        label=_("Invia di nuovo l'invito"),
        required=False,
        help_text=_("Parte una nuova e-mail con un nuovo link; il link inviato prima smette di funzionare."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            del self.fields["send_again"]  # a new invitation is always sent

    @property
    def will_send(self):
        return self.instance.pk is None or self.cleaned_data.get("send_again", False)

    def clean(self):
        cleaned_data = super().clean()
        if not self.will_send:
            return cleaned_data
        if self.instance.accepted_at:
            self.add_error("send_again", _("Questo invito è già stato accettato: non si può inviare di nuovo."))
        expires_at = cleaned_data.get("expires_at")
        if expires_at and expires_at <= timezone.now():
            self.add_error("expires_at", _("La scadenza è già passata: scegli una data futura per inviare l'invito."))
        return cleaned_data


class AcceptInvitationForm(CommunityFormMixin, UserCreationForm):
    """A new account for the invited person: a username (suggested) and a password, twice.

    Django's password validators check the password against the person's name and
    e-mail too, since they are on the (unsaved) user already.
    """

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username",)

    def __init__(self, invitation, *args, **kwargs):
        User = get_user_model()
        kwargs["instance"] = User(
            email=invitation.email, first_name=invitation.first_name, last_name=invitation.last_name
        )
        super().__init__(*args, **kwargs)
        self.fields["username"].help_text = _(
            "Lo userai per accedere. Puoi cambiarlo: lettere, numeri e i segni @ . + - _ (al massimo 150 caratteri)."
        )
        self.fields["password2"].label = _("Ripeti la password")
        self.fields["password2"].help_text = _("Scrivi di nuovo la stessa password, per controllo.")
        for field in self.fields.values():
            # Focus moving on its own skips the heading that says what the page is for.
            field.widget.attrs.pop("autofocus", None)


class ConfirmInvitationForm(CommunityForm):
    """An account with the invited e-mail exists and is logged in: joining only needs a yes."""
