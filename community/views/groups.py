"""The groups' list, a group's space, and its people (managed by coordinators and the redazione)."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..access import may_manage_group, visible_groups
from ..discussions import threads_for
from ..forms.people import AddPeopleForm, PeopleRolesForm
from ..group_pages import pages_reserved_to
from ..meetings import recent_meetings, upcoming_meetings
from ..models import WorkingGroup
from .base import group_for, managed_group_for, reserved

SPACE_LIST_LENGTH = 10


@reserved
def group_list(request):
    """Every group, with its people's number; links to the spaces the person may open."""
    groups = WorkingGroup.objects.annotate(people=Count("memberships")).order_by("sort_order", "name")
    visible = set(visible_groups(request.user).values_list("pk", flat=True))
    mine = set(request.member.memberships.values_list("group_id", flat=True)) if request.member else set()
    context = {
        "groups": [(group, group.pk in visible, group.pk in mine) for group in groups],
        "crumbs": [(_("Gruppi"), "")],
    }
    return render(request, "community/group_list.html", context)


def _people(group):
    return (
        group.memberships.select_related("member__user", "member__organisation")
        # "coordinatore" sorts before "membro": coordinators first.
        .order_by("role", "member__user__last_name", "member__user__first_name")
    )


@reserved
def group_space(request, slug):
    group = group_for(request, slug)
    context = {
        "group": group,
        "may_manage": may_manage_group(request.user, group),
        "people": list(_people(group)),
        "upcoming": upcoming_meetings([group], limit=SPACE_LIST_LENGTH),
        "meetings": recent_meetings(group, limit=SPACE_LIST_LENGTH),
        "threads": threads_for(group, request.member)[:SPACE_LIST_LENGTH],
        "reserved_pages": pages_reserved_to(group, limit=SPACE_LIST_LENGTH),
        "documents": list(group.documents.select_related("group", "uploaded_by__user")[:SPACE_LIST_LENGTH]),
        "crumbs": [(_("Gruppi"), reverse("community:groups")), (group.name, "")],
    }
    return render(request, "community/group_space.html", context)


@reserved
@require_http_methods(["GET", "POST"])
def manage_people(request, slug):
    """Add members to the group, change who coordinates it, remove people."""
    group = managed_group_for(request, slug)
    memberships = list(_people(group))
    roles_form = PeopleRolesForm(memberships, data=request.POST if "save_roles" in request.POST else None)
    add_form = AddPeopleForm(group, data=request.POST if "add_people" in request.POST else None)
    status = 200
    if request.method == "POST":
        if "save_roles" in request.POST:
            if roles_form.is_valid():
                changed = roles_form.apply(acting_member=request.member)
                messages.success(request, _("Persone del gruppo aggiornate (%(n)d modifiche).") % {"n": changed})
                return redirect("community:group_people", slug=group.slug)
            status = 400
        elif "add_people" in request.POST:
            if add_form.is_valid():
                added = add_form.apply()
                messages.success(request, _("Persone aggiunte al gruppo: %(n)d.") % {"n": added})
                return redirect("community:group_people", slug=group.slug)
            status = 400
    context = {
        "group": group,
        "roles_form": roles_form,
        "add_form": add_form,
        "crumbs": [
            (_("Gruppi"), reverse("community:groups")),
            (group.name, group.get_absolute_url()),
            (_("Persone"), ""),
        ],
    }
    return render(request, "community/group_people.html", context, status=status)
