"""A group's people, as its coordinators manage them: roles, removals, additions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Member, Membership
from .base import CommunityForm

REMOVE = "rimuovi"
ROLE_CHOICES = [*Membership.Role.choices, (REMOVE, _("togli dal gruppo"))]


class PeopleRolesForm(CommunityForm):
    """One choice per person of the group: member, coordinator, or out."""

    def __init__(self, memberships, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.memberships = memberships
        for membership in memberships:
            self.fields[self.field_name(membership)] = forms.ChoiceField(
                label=str(membership.member), choices=ROLE_CHOICES, initial=membership.role
            )
            self.fields[self.field_name(membership)].widget.attrs["class"] = "form-select"

    @staticmethod
    def field_name(membership):
        return f"ruolo_{membership.pk}"

    def rows(self):
        return [(membership, self[self.field_name(membership)]) for membership in self.memberships]

    def apply(self, acting_member=None):
        changed = 0
        for membership in self.memberships:
            choice = self.cleaned_data[self.field_name(membership)]
            if choice == membership.role:
                continue
            if choice == REMOVE:
                membership.delete()
            else:
                membership.role = choice
                membership.save(update_fields=["role"])
            changed += 1
        return changed


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, member):
        return f"{member.name} — {member.organisation}" if member.organisation_id else member.name


class AddPeopleForm(CommunityForm):
    members = MemberChoiceField(
        label=_("Membri della comunità da aggiungere"),
        queryset=Member.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Chi non ha ancora un profilo va invitato dalla redazione."),
    )

    def __init__(self, group, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        self.fields["members"].queryset = (
            Member.objects.exclude(memberships__group=group)
            .select_related("user", "organisation")
            .order_by("user__last_name", "user__first_name")
        )

    def apply(self):
        members = self.cleaned_data["members"]
        for member in members:
            Membership.objects.get_or_create(group=self.group, member=member)
        return len(members)
