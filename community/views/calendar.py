"""The private calendar: a secret address per member that calendar programs subscribe to, no login.

The token in the address is the only key, so it can be replaced at any time
(the old address stops working at once) and the feed holds only the meetings
of the groups its owner is in now.
"""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ciao.revalidation import revalidatable

from ..ical import meetings_calendar
from ..models import Meeting, Member
from .base import reserved

RECENT_DAYS = 90


@reserved
@require_POST
def revoke_token(request):
    if request.member is None:
        raise Http404
    request.member.revoke_calendar_token()
    messages.success(request, _("Nuovo indirizzo creato: il precedente non funziona più"))
    return redirect(reverse("community:my_profile"))


def private_calendar(request, token):
    if "\x00" in token:  # no token has one, and PostgreSQL refuses it in a query
        raise Http404
    member = Member.objects.filter(calendar_token=token).select_related("user").first()
    if member is None or not member.user.is_active:
        raise Http404
    meetings = (
        Meeting.objects.filter(
            group__memberships__member=member, starts_at__gte=timezone.now() - timedelta(days=RECENT_DAYS)
        )
        .select_related("group")
        .order_by("starts_at", "pk")
    )
    body = meetings_calendar(
        meetings,
        lambda meeting: request.build_absolute_uri(meeting.get_absolute_url()),
        _("Incontri dei miei gruppi – CIAO! Comunità di pratica"),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="incontri.ics"'
    response["X-Robots-Tag"] = "noindex"
    # The address is a secret: no shared cache may keep a copy (and the page cache
    # never stores a private response); the calendar program still gets its 304s.
    return revalidatable(request, response, private=True)
