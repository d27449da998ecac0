"""The redazione's admin screens for the community of practice: groups, members, invitations,
adoptions to review and questions to moderate.

Snippets under one menu, "Comunità di pratica". Who sees them is decided by
model permissions, which only the Redazione group holds (migration 0003) and
superusers have anyway. Saving a new invitation sends it; editing one can send
it again with a new link. Publishing or rejecting an adoption e-mails whoever
recorded it.
"""

from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet, SnippetViewSetGroup

from . import page_sections
from .access import may_enter, visible_groups
from .adoptions import record_review
from .forms.invitations import InvitationAdminForm
from .group_search import load, search_groups
from .invitations import send_invitation
from .models import Adoption, Invitation, Member, Question, WorkingGroup


class WorkingGroupViewSet(SnippetViewSet):
    # Its form, with the group's people, is the model's own panels.
    model = WorkingGroup
    icon = "group"
    list_display = ["name", "kind", "summary"]
    list_filter = ["kind"]
    search_fields = ["name", "summary"]
    sort_order_field = "sort_order"
    # A copy would share the original's Django group (one-to-one), or a member's user, or an invitation's link.
    copy_view_enabled = False


class MemberViewSet(SnippetViewSet):
    model = Member
    icon = "user"
    copy_view_enabled = False
    list_display = [
        "__str__",
        "organisation",
        "ambito",
        DateColumn("deletion_requested_at", label=_("Cancellazione chiesta il")),
    ]
    list_filter = ["organisation", "ambito"]
    search_fields = ["user__first_name", "user__last_name", "user__email", "role"]
    search_backend_name = None
    panels = [
        FieldPanel("user"),
        FieldPanel("organisation"),
        FieldPanel("ambito"),
        FieldPanel("role"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("expertise"),
        FieldPanel("presentation"),
        FieldPanel("phone"),
        FieldPanel("contact_email"),
        FieldPanel("show_contacts"),
        FieldPanel("deletion_requested_at"),
    ]

    def get_queryset(self, request):
        return Member.objects.select_related("user", "organisation", "ambito")


def _expiry(invitation):
    # Wagtail's DateColumn reads dates as "time ago", which a date ahead is not.
    return date_format(timezone.localtime(invitation.expires_at), "SHORT_DATETIME_FORMAT")


class InvitationCreateView(CreateView):
    def save_instance(self):
        # The digest is unique, so a first one now; send_invitation gives the e-mailed link its own.
        self.form.instance.new_token()
        invitation = super().save_instance()
        send_invitation(invitation, self.request.user)
        return invitation

    def get_success_message(self, instance):
        return _("Invito inviato a %(email)s.") % {"email": instance.email}


class InvitationEditView(EditView):
    def save_instance(self):
        invitation = super().save_instance()
        if self.form.cleaned_data.get("send_again"):
            send_invitation(invitation, self.request.user)
        return invitation

    def get_success_message(self):
        if self.form.cleaned_data.get("send_again"):
            return _("Invito inviato di nuovo a %(email)s, con un nuovo link.") % {"email": self.object.email}
        return super().get_success_message()


class InvitationViewSet(SnippetViewSet):
    model = Invitation
    icon = "mail"
    copy_view_enabled = False
    add_view_class = InvitationCreateView
    edit_view_class = InvitationEditView
    list_display = [
        "first_name",
        "last_name",
        "email",
        Column("status", label=_("Stato")),
        Column("expires_at", label=_("Scade il"), accessor=_expiry, sort_key="expires_at"),
    ]
    search_fields = ["first_name", "last_name", "email"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("email"),
            FieldPanel("first_name"),
            FieldPanel("last_name"),
            FieldPanel("organisation"),
            FieldPanel("ambito"),
            FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
            FieldPanel("message"),
            FieldPanel("expires_at"),
            FieldPanel("send_again"),
        ],
        base_form_class=InvitationAdminForm,
    )


class AdoptionAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Adoption.Status.REJECTED and not cleaned.get("review_reason", "").strip():
            self.add_error(
                "review_reason", _("Scrivi il motivo: chi ha registrato l'adozione lo leggerà per correggerla.")
            )
        return cleaned


class AdoptionEditView(EditView):
    def save_instance(self):
        previous = Adoption.objects.filter(pk=self.object.pk).values_list("status", flat=True).first()
        adoption = super().save_instance()
        record_review(adoption, previous, self.request.user)
        return adoption


class AdoptionViewSet(SnippetViewSet):
    model = Adoption
    icon = "resubmit"
    menu_label = _("Adozioni")
    copy_view_enabled = False
    edit_view_class = AdoptionEditView
    list_display = [
        "__str__",
        Column("status", label=_("Stato"), accessor="get_status_display", sort_key="status"),
        "submitted_by",
        DateColumn("created_at", label=_("Registrata il")),
    ]
    list_filter = ["status", "ambito"]
    search_fields = ["practice__title", "changes", "outcome"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("review_reason")],
                heading=_("Revisione della redazione"),
            ),
            FieldPanel("practice"),
            FieldPanel("ambito"),
            FieldPanel("organisation"),
            FieldPanel("kind"),
            FieldPanel("adopted_on"),
            FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            FieldPanel("changes"),
            FieldPanel("reasons"),
            FieldPanel("outcome"),
            InlinePanel("indicators", label=_("Indicatore")),
            FieldPanel("contact"),
            FieldPanel("submitted_by"),
        ],
        base_form_class=AdoptionAdminForm,
    )

    def get_queryset(self, request):
        return Adoption.objects.select_related("practice", "ambito", "submitted_by__user")


class QuestionViewSet(SnippetViewSet):
    """Moderation: what the page's author made public, and what the redazione hid (and why)."""

    model = Question
    icon = "help"
    menu_label = _("Domande")
    copy_view_enabled = False
    list_display = ["__str__", "page", "asker", "is_public", DateColumn("hidden_at", label=_("Nascosta il"))]
    list_filter = ["is_public"]
    search_fields = ["text"]
    search_backend_name = None
    panels = [FieldPanel("text"), FieldPanel("is_public"), FieldPanel("hidden_at"), FieldPanel("hidden_reason")]

    def get_queryset(self, request):
        return Question.objects.select_related("page", "asker__user")


class CommunityGroup(SnippetViewSetGroup):
    menu_label = _("Comunità di pratica")
    menu_icon = "group"
    menu_order = 250
    items = (WorkingGroupViewSet, MemberViewSet, InvitationViewSet, AdoptionViewSet, QuestionViewSet)


register_snippet(CommunityGroup)


hooks.register("page_sections", page_sections.adoptions_section)
hooks.register("page_sections", page_sections.questions_section)


SITE_SEARCH_HITS = 5


@hooks.register("site_search_reserved_sections")
def groups_in_site_search(request, query):
    """On /cerca/, what the person's groups hold for these words: the best few, then a link to them all."""
    if not may_enter(request.user):
        return None
    hits = search_groups(visible_groups(request.user), query)
    if not hits:
        return None
    return {
        "title": _("Nei tuoi gruppi di lavoro"),
        "hits": load(hits[:SITE_SEARCH_HITS], query),
        "total": len(hits),
        "more_url": reverse("community:search") + "?" + urlencode({"q": query}),
    }
