"""The calendar files of the URL contract (``<index url>calendario.ics``, ``<event url>evento.ics``).

Wagtail's page URLs have no dots, so its catch-all pattern never sees these;
this pattern hands them to Wagtail's own ``serve`` (site, routing, privacy
checks, hooks) with the sub-route the pages define. It must come before
``wagtail.urls`` in the root URLconf.
"""

from django.urls import re_path
from wagtail import views as wagtail_views


def calendar_file(request, path, filename):
    return wagtail_views.serve(request, f"{path}{filename}/")


urlpatterns = [
    re_path(
        r"^(?P<path>(?:[\w\-]+/)+)(?P<filename>calendario\.ics|evento\.ics)$",
        calendar_file,
        name="events_calendar_file",
    ),
]
