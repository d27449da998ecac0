"""How dates of events read in Italian: "sabato 5 dicembre 2026, 18:00–20:00"."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.dates import italian_date
from events.recurrence import local

register = template.Library()


@register.filter
def day_label(value):
    return italian_date(value)


@register.filter
def month_name(value):
    return italian_date(value, "F")


@register.filter
def when(occurrence):
    """The whole date and time of an occurrence, in words."""
    start, last_day = occurrence.start, occurrence.last_day
    if occurrence.all_day:
        if last_day == start.date():
            return italian_date(start)
        return _("da %(start)s a %(end)s") % {"start": italian_date(start), "end": italian_date(last_day)}
    end = local(occurrence.end)
    if not occurrence.spans_days:
        return f"{italian_date(start)}, {time_range(occurrence)}"
    return _("da %(start)s alle %(start_time)s a %(end)s alle %(end_time)s") % {
        "start": italian_date(start),
        "start_time": date_format(start, "H:i"),
        "end": italian_date(end),
        "end_time": date_format(end, "H:i"),
    }


@register.filter
def time_range(occurrence):
    if occurrence.all_day:
        return _("tutto il giorno")
    return f"{date_format(occurrence.start, 'H:i')}–{date_format(local(occurrence.end), 'H:i')}"


@register.filter
def iso(value):
    """For <time datetime>: a date, or a local time with its offset."""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return local(value).isoformat(timespec="minutes")
    return value.isoformat()


@register.simple_tag
def form_widget(field, css_class="form-control"):
    """A form field's widget with what assistive technology needs: its help, its error, its state."""
    described_by = []
    attrs = {"class": css_class}
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
        attrs["class"] += " is-invalid"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)
