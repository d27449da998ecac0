from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EventProposal


class EventProposalViewSet(SnippetViewSet):
    """Proposals from citizens: personal data, so only groups with the model permissions see them."""

    model = EventProposal
    icon = "mail"
    menu_label = _("Proposte di eventi")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["page", "name", "email", Column("submitted_at", label=_("Inviata il"))]
    search_fields = ["name", "email", "page__title"]
    inspect_view_enabled = True
    ordering = ["-submitted_at"]


register_snippet(EventProposalViewSet)
