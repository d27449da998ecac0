"""A listing's filters that are not facets (dates, yes/no, one of a few): a Django form.

Invalid values never raise: the form reports them, the listing ignores them and
says so in Italian, and the field keeps what the person typed.
"""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _


class FilterForm(forms.Form):
    """Subclass it with the filter fields; the listing reads them through these methods."""

    def valid(self, name):
        """The cleaned value of a field, or None when it was empty or invalid."""
        if name in self.errors:
            return None
        return self.cleaned_data.get(name) or None

    def active_params(self):
        """(name, value) of every valid filter, in the order of the fields, as an address writes them."""
        params = []
        for name in self.fields:
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
        """How a chip names the value of a filter: a choice's label, "sì", a date as Italians write it."""
        field = self.fields[name]
        if isinstance(field, forms.ChoiceField):
            return str(dict(field.choices).get(value, value))
        if isinstance(field, forms.BooleanField):
            return str(_("sì"))
        if isinstance(field, forms.DateField):
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        return str(value)

    def messages(self):
        return [
            _("%(label)s: %(error)s Il filtro è stato ignorato.")
            % {"label": self.fields[name].label, "error": " ".join(errors)}
            for name, errors in self.errors.items()
            if name in self.fields
        ]
