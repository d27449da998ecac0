"""The admin form of a practice: the checks a reviewer would otherwise make by hand."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# What every good-practice template asks for. Title, summary and ambito are
# required by the model itself; these are required when the practice's index
# page asks for complete records (PracticeIndexPage.require_complete_records).
# Saving a draft never requires them: Wagtail defers required fields on drafts.
COMPLETE_RECORD_FIELDS = [
    "comuni",
    "start_date",
    "themes",
    "target_groups",
    "lead_organisation",
    "contact_name",
    "contact_email",
    "context",
    "objectives",
    "results",
]
COMPLETE_RECORD_FORMSETS = {"steps": 1}


class PracticePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._group_comuni_by_ambito()
        if self._index_requires_complete_records():
            for name in COMPLETE_RECORD_FIELDS:
                if name in self.fields:
                    self.fields[name].required = True
            for name, minimum in COMPLETE_RECORD_FORMSETS.items():
                if name in self.formsets:
                    self.formsets[name].min_num = minimum
                    self.formsets[name].validate_min = True

    def _group_comuni_by_ambito(self):
        """Twenty-seven comuni in one list are hard to scan: show them under their ambito."""
        field = self.fields.get("comuni")
        if field is None:
            return
        groups = {}
        for comune in field.queryset.select_related("ambito").order_by("ambito__name", "name"):
            groups.setdefault(comune.ambito.name, []).append((comune.pk, comune.name))
        field.widget.choices = list(groups.items())

    def _index_requires_complete_records(self):
        index = self.parent_page
        if index is None and self.instance.pk:
            index = self.instance.get_parent()
        return bool(index and getattr(index.specific, "require_complete_records", False))

    def clean(self):
        cleaned = super().clean()
        ambito, comuni = cleaned.get("ambito"), cleaned.get("comuni")
        if ambito and comuni:
            foreign = [c.name for c in comuni if c.ambito_id != ambito.pk]
            if foreign:
                self.add_error(
                    "comuni",
                    _("Questi comuni non fanno parte dell'ambito %(ambito)s: %(names)s.")
                    % {"ambito": ambito.name, "names": ", ".join(foreign)},
                )
        for field, message in period_errors(cleaned.get("start_date"), cleaned.get("end_date")):
            self.add_error(field, message)
        return cleaned


def period_errors(start, end, today=None):
    """[(field, message)] for a period that cannot be right."""
    today = today or timezone.localdate()
    errors = []
    if end and end > today:
        errors.append(
            (
                "end_date",
                _("La data di fine è nel futuro: se la pratica è ancora in corso, lascia vuota la data di fine."),
            )
        )
    if start and end and end < start:
        errors.append(("end_date", _("La data di fine viene prima della data di inizio.")))
    if end and not start:
        errors.append(("start_date", _("Indica anche la data di inizio.")))
    return errors


def validate_period(start, end):
    errors = {}
    for field, message in period_errors(start, end):
        errors.setdefault(field, []).append(ValidationError(message))
    if errors:
        raise ValidationError(errors)
