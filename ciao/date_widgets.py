"""The admin's date pickers keep what the person typed.

Wagtail's picker (jQuery datetimepicker) replaces any date it cannot read in
its own display format with today's date when the field loses focus: a typed
"2027-03-15" or "15032027" silently became today. Without that check the
text stays as typed; Django then reads every Italian input format
(15/03/2027, 15-03-2027, 2027-03-15 ...) and answers anything else with an
Italian error next to the field.
"""

from django.db import models
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

KEEP_TYPED_TEXT = {"validateOnBlur": False}


class DateInput(AdminDateInput):
    def get_config(self):
        return {**super().get_config(), **KEEP_TYPED_TEXT}


class DateTimeInput(AdminDateTimeInput):
    def get_config(self):
        return {**super().get_config(), **KEEP_TYPED_TEXT}


def use_lenient_date_pickers():
    register_form_field_override(models.DateField, override={"widget": DateInput})
    register_form_field_override(models.DateTimeField, override={"widget": DateTimeInput})
