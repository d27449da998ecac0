"""What every reserved-area form shares: Bootstrap Italia's classes and the error summary's list."""

from django import forms

from ciao.accounts import SiteBoundField


class CommunityFormMixin:
    bound_field_class = SiteBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.CheckboxSelectMultiple):
                widget.attrs.pop("class", None)
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            else:
                widget.attrs["class"] = "form-control"

    @property
    def fields_with_errors(self):
        """The bound fields to name in the error summary above the form."""
        return [field for field in self if field.errors]


class CommunityForm(CommunityFormMixin, forms.Form):
    pass


class CommunityModelForm(CommunityFormMixin, forms.ModelForm):
    pass
