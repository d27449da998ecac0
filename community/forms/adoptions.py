"""Recording an adoption: the practice, who took it up and where, what changed, how it went, its indicators."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ciao.models import Ambito, Organisation, TargetGroup
from practices.models import PracticePage

from ..models import Adoption, AdoptionIndicator, Member
from ..models.adoptions import MAX_ADOPTION_TEXT
from .base import CommunityModelForm
from .discussions import PlainTextField

INDICATOR_ROWS = 3

TOO_LONG = _("Il testo è troppo lungo: al massimo %(limit_value)s caratteri, ne ha %(show_value)s.")


def _text_field(label, help_text):
    return PlainTextField(
        label=label,
        multiline=True,
        required=False,
        max_length=MAX_ADOPTION_TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": TOO_LONG},
    )


class PracticeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, practice):
        return f"{practice.title} ({practice.ambito.name})" if practice.ambito else practice.title


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, member):
        return member.name


class AdoptionForm(CommunityModelForm):
    practice = PracticeChoiceField(
        label=_("Buona pratica"),
        queryset=PracticePage.objects.none(),
        error_messages={
            "required": _("Scegli la buona pratica che avete adottato."),
            "invalid_choice": _("Questa pratica non è tra quelle pubblicate: scegline una dall'elenco."),
        },
    )
    contact = ContactChoiceField(
        label=_("Persona di riferimento"),
        queryset=Member.objects.none(),
        required=False,
        empty_label=_("Nessuna"),
        help_text=_("Il suo nome comparirà sulla pagina pubblica della pratica, accanto all'adozione."),
    )
    changes = _text_field(_("Che cosa avete cambiato"), _("Rispetto alla pratica originale: passi, tempi, persone."))
    reasons = _text_field(_("Perché"), _("Che cosa del vostro territorio lo chiedeva."))
    outcome = _text_field(_("Com'è andata"), _("Che cosa è cambiato per le persone e per i servizi."))

    class Meta:
        model = Adoption
        fields = [
            "practice",
            "ambito",
            "organisation",
            "kind",
            "adopted_on",
            "target_groups",
            "changes",
            "reasons",
            "outcome",
            "contact",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "target_groups": forms.CheckboxSelectMultiple,
        }
        labels = {
            "ambito": _("Ambito che l'ha adottata"),
            "organisation": _("Organizzazione che l'ha adottata"),
            "kind": _("L'avete adottata così com'è o adattata?"),
            "adopted_on": _("Da quando"),
            "target_groups": _("Per chi"),
        }
        error_messages = {
            "ambito": {"required": _("Scegli l'ambito in cui avete adottato la pratica.")},
            "adopted_on": {
                "required": _("Scrivi da quando usate la pratica."),
                "invalid": _("Scrivi una data valida, per esempio 15/09/2024."),
            },
        }

    def __init__(self, *args, member=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["practice"].queryset = (
            PracticePage.objects.live().public().select_related("ambito").order_by("title")
        )
        self.fields["ambito"].queryset = Ambito.objects.order_by("name")
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = _("Nessuna")
        self.fields["target_groups"].queryset = TargetGroup.objects.order_by("name")
        self.fields["contact"].queryset = Member.objects.select_related("user").order_by(
            "user__first_name", "user__last_name"
        )
        self.fields["kind"].widget.attrs.pop("class", None)
        self.fields["adopted_on"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        if member is not None and not self.instance.pk:
            # A new adoption's empty row gives None for each: the member's own are the likely answer.
            for name, value in (
                ("ambito", member.ambito_id),
                ("organisation", member.organisation_id),
                ("contact", member.pk),
            ):
                if self.initial.get(name) is None:
                    self.initial[name] = value

    def clean_adopted_on(self):
        adopted_on = self.cleaned_data["adopted_on"]
        if adopted_on and adopted_on > timezone.localdate():
            raise forms.ValidationError(
                _("La data non può essere nel futuro: registrate l'adozione quando è cominciata.")
            )
        return adopted_on


class AdoptionIndicatorForm(CommunityModelForm):
    name = PlainTextField(label=_("Indicatore"), max_length=150, error_messages={"max_length": TOO_LONG})
    unit = PlainTextField(label=_("Unità di misura"), max_length=40, error_messages={"max_length": TOO_LONG})

    class Meta:
        model = AdoptionIndicator
        fields = ["name", "value", "unit", "year"]
        error_messages = {
            "value": {"required": _("Scrivi il valore."), "invalid": _("Scrivi un numero, per esempio 12 o 3,5.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = _("Scrivi che cosa avete misurato.")
        self.fields["unit"].error_messages["required"] = _("Scrivi l'unità di misura, per esempio «persone».")
        self.fields["value"].localize = True
        self.fields["value"].widget.is_localized = True


AdoptionIndicatorFormSet = inlineformset_factory(
    Adoption,
    AdoptionIndicator,
    form=AdoptionIndicatorForm,
    extra=INDICATOR_ROWS,
    can_delete=True,
    max_num=30,
)
