"""A group's meetings: the page members read, the form coordinators write, the "done" switch of an action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..access import may_manage_group
from ..forms.meetings import ActionFormSet, MeetingForm
from ..models import Action, Meeting
from .base import group_for, managed_group_for, reserved


@reserved
def meeting(request, slug, pk):
    group = group_for(request, slug)
    meeting = get_object_or_404(Meeting, pk=pk, group=group)
    actions = list(meeting.actions.select_related("assignee__user"))
    can_manage = may_manage_group(request.user, group)
    member_pk = request.member.pk if request.member else None
    for action in actions:
        action.may_toggle = can_manage or (member_pk is not None and action.assignee_id == member_pk)
    return render(
        request,
        "community/meeting.html",
        {
            "group": group,
            "meeting": meeting,
            "actions": actions,
            "can_manage": can_manage,
            "crumbs": [
                (_("Gruppi"), reverse("community:groups")),
                (group.name, group.get_absolute_url()),
                (meeting.title, meeting.get_absolute_url()),
            ],
        },
    )


@reserved
def edit_meeting(request, slug, pk=None):
    group = managed_group_for(request, slug)
    if pk is None:
        meeting = Meeting(group=group, created_by=request.member)
    else:
        meeting = get_object_or_404(Meeting, pk=pk, group=group)
    # Validation writes what was typed onto the instance: the page's title and crumbs keep the saved one.
    saved_title = meeting.title
    if request.method == "POST":
        form = MeetingForm(request.POST, instance=meeting)
        formset = ActionFormSet(request.POST, instance=meeting, group=group, prefix="azioni")
        if form.is_valid() and formset.is_valid():
            with transaction.atomic():
                meeting = form.save()
                formset.instance = meeting
                formset.save()
            messages.success(request, _("Incontro salvato."))
            return redirect(meeting.get_absolute_url())
        status = 400
    elif request.method == "GET":
        form = MeetingForm(instance=meeting)
        formset = ActionFormSet(instance=meeting, group=group, prefix="azioni")
        status = 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    title = _("Nuovo incontro") if pk is None else _("Modifica: %(title)s") % {"title": saved_title}
    crumbs = [(_("Gruppi"), reverse("community:groups")), (group.name, group.get_absolute_url())]
    if pk is not None:
        crumbs.append((saved_title, meeting.get_absolute_url()))
    crumbs.append((title, request.path))
    return render(
        request,
        "community/meeting_form.html",
        {"group": group, "meeting": meeting, "form": form, "formset": formset, "title": title, "crumbs": crumbs},
        status=status,
    )


@reserved
def toggle_action(request, slug, pk):
    # Who may see the group is checked before the method: another group's action is a 404 either way.
    group = group_for(request, slug)
    action = get_object_or_404(Action.objects.select_related("meeting__group"), pk=pk, meeting__group=group)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    is_assignee = request.member is not None and action.assignee_id == request.member.pk
    if not (is_assignee or may_manage_group(request.user, group)):
        raise PermissionDenied(
            _("Un'azione la segna fatta chi ne è incaricato, chi coordina il gruppo o la redazione.")
        )
    # The button says which state it sets: a second click of the same button changes nothing.
    wanted = request.POST.get("done")
    action.done = (wanted == "1") if wanted in ("0", "1") else not action.done
    action.save(update_fields=["done"])
    if action.done:
        messages.success(request, _("Azione segnata come fatta: %(action)s") % {"action": action.description})
    else:
        messages.success(request, _("Azione segnata come da fare: %(action)s") % {"action": action.description})
    return redirect(f"{action.meeting.get_absolute_url()}#azioni")
