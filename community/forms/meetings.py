"""A meeting and its actions, as a coordinator writes them: dates typed in the browser's own pickers."""

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from ..models import Action, Meeting, Member
from .base import CommunityModelForm

INVALID_DATETIME = _("Scrivi data e ora così: 15/03/2027 10:30 (oppure usa il calendario del browser).")
INVALID_DATE = _("Scrivi la data così: 15/03/2027 (oppure usa il calendario del browser).")


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        # The only format a datetime-local input shows.
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class MeetingForm(CommunityModelForm):
    """Dates are read in the site's time zone (Europe/Rome), as the person means them."""

    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "agenda", "minutes", "decisions"]
        widgets = {
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "agenda": forms.Textarea(attrs={"rows": 6}),
            "minutes": forms.Textarea(attrs={"rows": 10}),
            "decisions": forms.Textarea(attrs={"rows": 5}),
        }
        error_messages = {
            "starts_at": {"invalid": INVALID_DATETIME, "required": _("Indica quando comincia l'incontro.")},
            "ends_at": {"invalid": INVALID_DATETIME},
            "title": {"required": _("Dai un titolo all'incontro.")},
        }
        help_texts = {
            "place": _("Un indirizzo, una sala o il collegamento alla videochiamata."),
            "minutes": _("Dopo l'incontro: che cosa si è detto."),
            "decisions": _("Dopo l'incontro: che cosa si è deciso."),
        }

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("La fine deve venire dopo l'inizio."))
        return cleaned


class ActionForm(CommunityModelForm):
    class Meta:
        model = Action
        fields = ["description", "assignee", "due_date", "done"]
        widgets = {"due_date": DateInput()}
        error_messages = {
            "due_date": {"invalid": INVALID_DATE},
            "assignee": {"invalid_choice": _("Scegli una persona del gruppo.")},
        }


class BaseActionFormSet(BaseInlineFormSet):
    """Assignees are the group's people, read once for every row rather than once a row."""

    def __init__(self, *args, group, **kwargs):
        self.group = group
        self.assignees = Member.objects.filter(memberships__group=group).select_related("user")
        kwargs.setdefault("queryset", Action.objects.select_related("assignee__user"))
        super().__init__(*args, **kwargs)
        choices = [("", _("— nessuno —"))] + [(member.pk, member.name) for member in self.assignees]
        for form in self.forms:
            form.fields["assignee"].queryset = self.assignees
            form.fields["assignee"].widget.choices = choices


ActionFormSet = inlineformset_factory(
    Meeting, Action, form=ActionForm, formset=BaseActionFormSet, extra=3, can_delete=True
)
