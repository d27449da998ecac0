"""A member's own profile: what the other members read in the directory."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ciao.models import Ambito, Organisation, TargetGroup, Theme

from ..models import Member
from .base import CommunityModelForm


class ProfileForm(CommunityModelForm):
    """The profile, and the name on the account (the ``User``), saved together."""

    first_name = forms.CharField(label=_("Nome"), max_length=150)
    last_name = forms.CharField(label=_("Cognome"), max_length=150)
    # Only the site's tags: a shared vocabulary is what lets the directory find people by competence.
    expertise = forms.ModelMultipleChoiceField(
        label=_("Competenze"),
        queryset=Tag.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Le etichette del sito che descrivono ciò che sai fare."),
    )

    class Meta:
        model = Member
        fields = [
            "organisation",
            "ambito",
            "role",
            "themes",
            "target_groups",
            "expertise",
            "presentation",
            "phone",
            "contact_email",
            "show_contacts",
        ]
        widgets = {
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
            "presentation": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "presentation": _(
                "Testo semplice, al massimo 2000 caratteri: chi sei, cosa fai, su cosa puoi dare una mano."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.order_fields(["first_name", "last_name"])
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["organisation"].empty_label = _("Nessuna")
        self.fields["ambito"].queryset = Ambito.objects.order_by("name")
        self.fields["ambito"].empty_label = _("Nessuno")
        self.fields["themes"].queryset = Theme.objects.order_by("sort_order", "name")
        self.fields["target_groups"].queryset = TargetGroup.objects.order_by("name")

    def save(self, commit=True):
        member = super().save(commit=commit)
        user = member.user
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        if commit:
            user.save(update_fields=["first_name", "last_name"])
        return member
