"""The listing's filters: a Django form for dates, cost and attendance, facets for vocabularies.

Invalid values never raise: the form reports them, the listing ignores them and
says so in Italian, and the field keeps what the person typed.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ciao.listing import Facet
from ciao.models import Ambito, Comune, TargetGroup, Theme

EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class Period(models.TextChoices):
    UPCOMING = "", _("Tutti i prossimi")
    TODAY = "oggi", _("Oggi")
    WEEK = "settimana", _("Questa settimana")
    MONTH = "mese", _("Questo mese")


class Attendance(models.TextChoices):
    ANY = "", _("Tutte")
    IN_PERSON = "presenza", _("In presenza")
    ONLINE = "online", _("Online")


def _reasonable_date(value):
    if value and not (EARLIEST <= value <= LATEST):
        raise ValidationError(_("Scegli una data tra il 2000 e il 2100."))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class EventFilterForm(forms.Form):
    periodo = forms.ChoiceField(label=_("Quando"), choices=Period.choices, required=False, widget=forms.RadioSelect)
    dal = forms.DateField(label=_("Dal giorno"), required=False, widget=DateInput(), validators=[_reasonable_date])
    al = forms.DateField(label=_("Al giorno"), required=False, widget=DateInput(), validators=[_reasonable_date])
    gratuito = forms.BooleanField(label=_("Solo eventi gratuiti"), required=False)
    modalita = forms.ChoiceField(label=_("Modalità"), choices=Attendance.choices, required=False, widget=forms.RadioSelect)

    # Field order for chips and query strings.
    PARAMS = ["periodo", "dal", "al", "gratuito", "modalita"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("dal"), cleaned.get("al")
        if start and end and end < start:
            self.add_error("al", _("La data finale viene prima di quella iniziale."))
        return cleaned

    def valid(self, name):
        """The cleaned value of a field, or None when it was empty or invalid."""
        if name in self.errors:
            return None
        return self.cleaned_data.get(name) or None

    def active_params(self):
        params = []
        for name in self.PARAMS:
            value = self.valid(name)
            if value is None:
                continue
            if isinstance(value, date):
                value = value.isoformat()
            elif value is True:
                value = "1"
            params.append((name, value))
        return params

    def value_label(self, name, value):
        field = self.fields[name]
        if isinstance(field, forms.ChoiceField):
            return str(dict(field.choices).get(value, value))
        if isinstance(field, forms.BooleanField):
            return str(_("sì"))
        return date.fromisoformat(value).strftime("%d/%m/%Y")

    def messages(self):
        return [
            _("%(label)s: %(error)s Il filtro è stato ignorato.") % {"label": self.fields[name].label, "error": " ".join(errors)}
            for name, errors in self.errors.items()
            if name in self.fields
        ]


def facets():
    return [
        Facet("ambito", _("Ambito"), "comune__ambito__slug", lambda: Ambito.objects.order_by("name").values_list("slug", "name")),
        Facet("comune", _("Comune"), "comune__slug", lambda: Comune.objects.order_by("name").values_list("slug", "name")),
        Facet("tema", _("Tema"), "themes__slug", lambda: Theme.objects.order_by("sort_order", "name").values_list("slug", "name")),
        Facet("destinatari", _("A chi è rivolto"), "audience__slug", lambda: TargetGroup.objects.order_by("name").values_list("slug", "name")),
    ]
