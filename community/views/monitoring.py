"""/area-riservata/monitoraggio/: the programme's figures for the Cabina di Regia and the redazione.

The same figures as a page (SVG charts, each with its table) and as CSV
(``?formato=csv``), behind the same check. A wrong period is named and
ignored on the page; the CSV answers 400, since a download cannot show why
it holds another period than the one asked for.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from ..access import may_monitor
from ..forms.monitoring import MonitoringPeriodForm
from ..monitoring import monitoring_figures
from ..monitoring_export import csv_response
from .base import reserved


@reserved
def monitoring(request):
    if not may_monitor(request.user):
        raise PermissionDenied(_("Il monitoraggio è riservato alla Cabina di Regia e alla redazione."))
    now = timezone.now()
    form = MonitoringPeriodForm(request.GET, current_year=timezone.localtime(now).year)
    form.is_valid()
    if form.wants_csv and form.errors:
        return HttpResponseBadRequest(
            " ".join(form.messages()) + " " + _("Correggi il periodo e scarica di nuovo il file."),
            content_type="text/plain; charset=utf-8",
        )
    figures = monitoring_figures(form.valid("dal"), form.valid("al"), form.by_semester, now=now)
    if form.wants_csv:
        return csv_response(figures)
    params = form.period_params()
    form.show_selection(figures.selection)
    context = {
        "form": form,
        "filter_messages": form.messages(),
        "figures": figures,
        "csv_query": urlencode([*params, ("formato", "csv")]),
        "crumbs": [(_("Monitoraggio"), "")],
    }
    return render(request, "community/monitoring.html", context)
