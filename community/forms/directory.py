"""The directory's filters: "chi sa fare cosa", by place, organisation, theme, people served, competence."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ciao.listing.forms import FilterForm
from ciao.models import Ambito, Organisation, TargetGroup, Theme

from ..models import Member
from .base import CommunityFormMixin

MAX_QUERY_WORDS = 8


def _slug_choice(label, queryset, empty_label):
    return forms.ModelChoiceField(
        label=label, queryset=queryset, to_field_name="slug", required=False, empty_label=empty_label
    )


class DirectoryFilterForm(CommunityFormMixin, FilterForm):
    """Bound to the GET data; an invalid filter is ignored and named (``messages``), never an error page."""

    q = forms.CharField(label=_("Nome, ruolo o parole della presentazione"), max_length=200, required=False)
    ambito = _slug_choice(_("Ambito"), Ambito.objects.order_by("name"), _("Tutti gli ambiti"))
    organizzazione = _slug_choice(_("Organizzazione"), Organisation.objects.order_by("name"), _("Tutte"))
    tema = _slug_choice(_("Tema di competenza"), Theme.objects.order_by("sort_order", "name"), _("Tutti i temi"))
    destinatari = _slug_choice(_("Lavora con"), TargetGroup.objects.order_by("name"), _("Tutti i destinatari"))
    tag = _slug_choice(
        _("Competenza"),
        # Only the tags some member claims: the others would always list nobody.
        Tag.objects.filter(pk__in=Member.expertise.through.objects.values("tag_id")).order_by("name"),
        _("Tutte le competenze"),
    )

    def filter(self, members):
        """``members`` narrowed by every valid filter; each word of ``q`` must appear somewhere."""
        lookups = {
            "ambito": "ambito",
            "organizzazione": "organisation",
            "tema": "themes",
            "destinatari": "target_groups",
            "tag": "expertise",
        }
        for name, lookup in lookups.items():
            value = self.valid(name)
            if value is not None:
                # One value per relation: a member matches once, so no duplicates to remove.
                members = members.filter(**{lookup: value})
        for word in (self.valid("q") or "").split()[:MAX_QUERY_WORDS]:
            members = members.filter(
                Q(user__first_name__icontains=word)
                | Q(user__last_name__icontains=word)
                | Q(role__icontains=word)
                | Q(presentation__icontains=word)
            )
        return members

    def active_params(self):
        """(name, value) of every valid filter, as the address writes them (vocabulary items by slug)."""
        params = []
        for name in self.fields:
            value = self.valid(name)
            if value is not None:
                params.append((name, getattr(value, "slug", value)))
        return params

    @property
    def is_filtered(self):
        return bool(self.active_params())
