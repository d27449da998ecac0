"""The admin's dashboard as each role needs it.

Contributors come to the admin to write: the buttons to start a practice, a
material or an event, their drafts, what waits for the redazione and what was
published. The redazione also sees what waits for its review, with the approve
and request-changes actions of Wagtail's workflow. These panels replace
Wagtail's generic ones (recent edits, "your pages in a workflow", "awaiting your
review"), which say the same in less plain words.

Sections declare themselves: an index page class with a ``new_item_label``
(e.g. "Nuova buona pratica") gets a button for whoever may add pages under it.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.home import (
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Task,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
    get_page_models,
)

LIST_SIZE = 6
REPLACED_PANELS = (RecentEditsPanel, UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel)


@dataclass
class NewItemButton:
    label: str
    url: str


def section_models():
    return [model for model in get_page_models() if getattr(model, "new_item_label", None)]


def new_item_buttons(user):
    """One button per section the user may add to, straight to the new page's form."""
    models = section_models()
    if not models:
        return []
    buttons = []
    for section in Page.objects.type(*models).specific().order_by("path"):
        if not section.permissions_for_user(user).can_add_subpage():
            continue
        child_model = section.specific_class.allowed_subpage_models()[0]
        url = reverse(
            "wagtailadmin_pages:add",
            args=(child_model._meta.app_label, child_model._meta.model_name, section.pk),
        )
        buttons.append(NewItemButton(section.new_item_label, url))
    return buttons


def with_latest_revision(pages):
    # The title and date of the latest draft, not of the live version, in one query.
    return pages.select_related("latest_revision", "content_type").order_by("-latest_revision_created_at")


def pages_in_active_workflow():
    # WorkflowState keeps object ids as text, since it serves snippets too.
    states = WorkflowState.objects.active().filter(base_content_type=get_default_page_content_type())
    return [int(pk) for pk in states.values_list("object_id", flat=True)]


def my_drafts(user):
    pages = Page.objects.filter(owner=user, has_unpublished_changes=True).exclude(pk__in=pages_in_active_workflow())
    return with_latest_revision(pages)[:LIST_SIZE]


def my_pages_in_review(user):
    pages = Page.objects.filter(owner=user, pk__in=pages_in_active_workflow())
    return with_latest_revision(pages)[:LIST_SIZE]


def recently_published(user, everyone):
    pages = Page.objects.live().filter(last_published_at__isnull=False).exclude(depth__lte=2)
    if not everyone:
        pages = pages.filter(owner=user)
    return pages.select_related("content_type").order_by("-last_published_at")[:LIST_SIZE]


def is_reviewer(user):
    """Whether the user reviews submissions (the redazione): asked once per request's user."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_ciao_is_reviewer"):
        user._ciao_is_reviewer = (
            user.is_superuser or GroupApprovalTask.objects.filter(active=True, groups__user=user).exists()
        )
    return user._ciao_is_reviewer


def awaiting_review(user):
    """What the user may approve, with the workflow actions Wagtail offers for each."""
    states = (
        TaskState.objects.reviewable_by(user)
        .select_related("revision", "workflow_state__requested_by")
        .prefetch_related("revision__content_object")
        .order_by("-started_at")
    )
    # One query for the tasks' specific rows, not one per submission.
    tasks = Task.objects.filter(active=True).specific().in_bulk()
    items = []
    for state in states:
        page = state.revision.content_object
        if not isinstance(page, Page):
            continue
        actions = [
            {
                "label": label,
                "url": reverse("ciao_dashboard_workflow_action", args=(page.pk, name, state.pk)),
                "modal": modal,
            }
            for name, label, modal in tasks[state.task_id].get_actions(page, user)
        ]
        items.append(
            {
                "page": page,
                "title": state.revision.object_str,
                "submitted_by": state.workflow_state.requested_by,
                "submitted_at": state.started_at,
                "actions": actions,
                "preview_url": reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, state.task_id)),
            }
        )
    return items


class RoleDashboardPanel(Component):
    template_name = "ciao/admin/dashboard.html"
    order = 100

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        user = request.user
        reviewer = is_reviewer(user)
        return {
            "request": request,
            "csrf_token": parent_context.get("csrf_token"),
            "new_item_buttons": new_item_buttons(user),
            "reviewer": reviewer,
            "awaiting_review": awaiting_review(user) if reviewer else [],
            "drafts": my_drafts(user),
            "in_review": my_pages_in_review(user),
            "published": recently_published(user, everyone=reviewer),
        }


def use_role_dashboard(request, panels):
    panels[:] = [panel for panel in panels if not isinstance(panel, REPLACED_PANELS)]
    panels.insert(0, RoleDashboardPanel())


class DashboardWorkflowActionView(WorkflowActionView):
    """Wagtail's approve / request-changes action, saying afterwards what it did.

    From the editor Wagtail confirms an approval; from the dashboard it only
    reloads the page, and the redazione cannot tell whether the click worked.
    """

    submit_url_name = "ciao_dashboard_workflow_action"

    def post(self, request, *args, **kwargs):
        title = get_latest_str(self.object)
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status == TaskState.STATUS_APPROVED:
            self.object.refresh_from_db()
            if self.object.live and not self.object.has_unpublished_changes:
                messages.success(request, _("«%(title)s» è approvata e pubblicata.") % {"title": title})
            else:
                messages.success(request, _("«%(title)s» è approvata.") % {"title": title})
        elif self.task_state.status == TaskState.STATUS_REJECTED:
            messages.success(
                request,
                _("Hai chiesto modifiche per «%(title)s»: chi l'ha scritta le trova nella sua bacheca.")
                % {"title": title},
            )
        return response


def dashboard_urls():
    return [
        path(
            "bacheca/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
            DashboardWorkflowActionView.as_view(),
            name="ciao_dashboard_workflow_action",
        )
    ]
