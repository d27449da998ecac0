"""The listing's filters: a Django form for dates, cost and attendance, facets for vocabularies.

Invalid values never raise: the form reports them, the listing ignores them and
says so in Italian, and the field keeps what the person typed (``ciao.listing.FilterForm``).
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ciao.listing import Facet, FilterForm, vocabulary_choices
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


class EventFilterForm(FilterForm):
    periodo = forms.ChoiceField(label=_("Quando"), choices=Period.choices, required=False, widget=forms.RadioSelect)
    dal = forms.DateField(label=_("Dal giorno"), required=False, widget=DateInput(), validators=[_reasonable_date])
    al = forms.DateField(label=_("Al giorno"), required=False, widget=DateInput(), validators=[_reasonable_date])
    gratuito = forms.BooleanField(label=_("Solo eventi gratuiti"), required=False)
    modalita = forms.ChoiceField(
        label=_("Modalità"), choices=Attendance.choices, required=False, widget=forms.RadioSelect
    )

    # The filters that are dates: the month view and the links between views leave them out.
    DATE_PARAMS = ("periodo", "dal", "al")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("dal"), cleaned.get("al")
        if start and end and end < start:
            self.add_error("al", _("La data finale viene prima di quella iniziale."))
        return cleaned


def facets():
    return [
        Facet("ambito", _("Ambito"), "comune__ambito__slug", vocabulary_choices(Ambito)),
        Facet("comune", _("Comune"), "comune__slug", vocabulary_choices(Comune)),
        Facet("tema", _("Tema"), "themes__slug", vocabulary_choices(Theme)),
        Facet("destinatari", _("A chi è rivolto"), "audience__slug", vocabulary_choices(TargetGroup)),
    ]
