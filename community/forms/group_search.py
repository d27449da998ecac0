"""The reserved area's search form: words, and optionally one of the groups the person may open."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ciao.listing.forms import FilterForm

from .base import CommunityFormMixin

MAX_QUERY_LENGTH = 200


class GroupSearchForm(CommunityFormMixin, FilterForm):
    """Bound to the GET data; a group one may not open is an invalid choice, ignored and named."""

    # Longer text is cut, not refused (as on /cerca/): the person still gets results.
    q = forms.CharField(
        label=_("Parole da cercare"),
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_QUERY_LENGTH}),
    )
    gruppo = forms.ModelChoiceField(
        label=_("Gruppo"), queryset=None, to_field_name="slug", required=False, empty_label=_("Tutti i miei gruppi")
    )

    def __init__(self, groups, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gruppo"].queryset = groups.order_by("sort_order", "name")

    def clean_q(self):
        # Control characters (NUL included) are never words; they would only confuse the backend.
        words = "".join(ch for ch in self.cleaned_data["q"] if ch.isprintable()).strip()
        return words[:MAX_QUERY_LENGTH]

    def groups(self):
        """The groups to search: the one chosen, or all those offered."""
        chosen = self.valid("gruppo")
        return [chosen] if chosen else list(self.fields["gruppo"].queryset)
