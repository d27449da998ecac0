"""Orders a visitor may choose for a listing (``?ordina=``)."""

from dataclasses import dataclass

from django import forms


@dataclass(frozen=True)
class SortOption:
    value: str  # the value of ?ordina=
    label: str
    ordering: tuple  # order_by() arguments; end with the primary key so pages never overlap


class Sort:
    """The orders of one listing; the first is the default, which the address leaves out."""

    param = "ordina"

    def __init__(self, *options):
        self.options = {option.value: option for option in options}
        self.default = options[0].value

    @property
    def choices(self):
        return [(option.value, option.label) for option in self.options.values()]

    def form_field(self):
        return forms.ChoiceField(choices=self.choices, required=False)

    def ordering(self, value):
        return self.options[value].ordering

    def params(self, value):
        return [(self.param, value)] if value != self.default else []
