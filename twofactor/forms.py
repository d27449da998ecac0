"""The code forms: six digits from the app, or (on the login step and to turn it off)
a backup code instead, each in its own form so that phones show the right keyboard."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ciao.accounts import SiteFormMixin


class AppCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Codice dell'app"))
        kwargs.setdefault("max_length", 12)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "autocomplete": "one-time-code",
            "inputmode": "numeric",
            "pattern": r"[0-9 ]*",
            "spellcheck": "false",
        }


class BackupCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Codice di riserva"))
        kwargs.setdefault("max_length", 24)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {
            **super().widget_attrs(widget),
            "autocomplete": "off",
            "autocapitalize": "none",
            "spellcheck": "false",
        }


class CodeForm(SiteFormMixin, forms.Form):
    """One code: ``code`` (the app's six digits) or ``backup_code``, whichever was sent."""

    code = AppCodeField(
        required=False,
        help_text=_("Le 6 cifre che l'app di autenticazione mostra adesso per CIAO! Comunità di pratica."),
    )
    backup_code = BackupCodeField(
        required=False,
        help_text=_("Uno dei codici di riserva che hai conservato: ognuno vale una volta sola."),
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("code") and not cleaned.get("backup_code"):
            field = "backup_code" if "backup_code" in self.data else "code"
            self.add_error(field, _("Scrivi il codice."))
        return cleaned

    @property
    def typed_field(self):
        return "backup_code" if self.cleaned_data.get("backup_code") and not self.cleaned_data.get("code") else "code"

    @property
    def typed_code(self):
        return self.cleaned_data.get(self.typed_field) or ""

    def wrong_code(self, message):
        field = self.typed_field
        self.add_error(field, message)
        # A refused code is of no further use: the field comes back empty for the next one.
        self.data = self.data.copy()
        self.data[field] = ""


class ConfirmAppForm(SiteFormMixin, forms.Form):
    """The first code of a new app: proves it was set up right."""

    code = AppCodeField(
        required=True,
        help_text=_("Le 6 cifre che l'app mostra adesso, dopo aver aggiunto l'account."),
    )
