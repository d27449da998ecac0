"""The period the monitoring page shows: from which year to which, year by year or by semester.

Bound to the GET data. A wrong value is named in Italian and ignored (the
default takes its place); the field keeps what the person typed.
"""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ciao.listing.forms import FilterForm

from ..monitoring import MAX_YEARS, MIN_YEAR
from .base import CommunityFormMixin


class Detail:
    YEAR = "anno"
    SEMESTER = "semestre"
    CHOICES = [(YEAR, _("anno per anno")), (SEMESTER, _("semestre per semestre"))]


class Format:
    CSV = "csv"


def _year_field(label, help_text):
    messages = {
        "invalid": _("Scrivi un anno in cifre, per esempio 2024."),
        "min_value": _("Il monitoraggio comincia dal %(limit_value)s."),
    }
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=MIN_YEAR,
        error_messages=messages,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class MonitoringPeriodForm(CommunityFormMixin, FilterForm):
    dal = _year_field(_("Dall'anno"), _("Vuoto: dal primo anno con contenuti."))
    al = _year_field(_("All'anno"), _("Vuoto: l'anno in corso."))
    dettaglio = forms.ChoiceField(
        label=_("Dettaglio"),
        choices=Detail.CHOICES,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Scegli «anno per anno» o «semestre per semestre».")},
    )
    formato = forms.ChoiceField(
        label=_("Formato"),
        choices=[(Format.CSV, "CSV")],
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("L'unico formato da scaricare è CSV.")},
    )

    def __init__(self, *args, current_year=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_year = current_year or timezone.localdate().year
        for name in ("dal", "al"):
            field = self.fields[name]
            # The future has no figures yet; the limit moves with the calendar, so it is set here.
            field.validators.append(
                MaxValueValidator(self.current_year, message=_("Non si può scegliere un anno dopo il %(limit_value)s."))
            )
            field.widget.attrs.update({"min": MIN_YEAR, "max": self.current_year})

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("dal"), cleaned.get("al")
        if first is None or "al" in self.errors:
            return cleaned
        last = last or self.current_year
        if first > last:
            self.add_error("al", _("L'anno finale viene prima di quello iniziale."))
        elif last - first + 1 > MAX_YEARS:
            self.add_error("dal", _("Al massimo %(n)s anni alla volta.") % {"n": MAX_YEARS})
        return cleaned

    @property
    def by_semester(self):
        return self.valid("dettaglio") == Detail.SEMESTER

    @property
    def wants_csv(self):
        return self.valid("formato") == Format.CSV

    def period_params(self):
        """The valid choices as an address writes them (for the CSV link)."""
        return [(name, value) for name, value in self.active_params() if name != "formato"]

    def show_selection(self, selection):
        """Fill the fields left empty with the period the page shows, so the form says what it holds.

        Only what is rendered changes: the form was validated already, and what the
        person typed (even if wrong) stays as they typed it.
        """
        data = self.data.copy()
        for name, value in (("dal", selection.first_year), ("al", selection.last_year)):
            if not data.get(name):
                data[name] = str(value)
        if not data.get("dettaglio") or "dettaglio" in self.errors:
            data["dettaglio"] = Detail.SEMESTER if selection.by_semester else Detail.YEAR
        self.data = data
