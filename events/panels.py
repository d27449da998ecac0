"""Admin panel showing who proposed an event (the panel group carries the permission)."""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.admin.panels import Panel


class ProposerPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/proposer_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.proposal = None
            if self.instance and self.instance.pk:
                try:
                    self.proposal = self.instance.proposal  # the event's EventProposal, if a citizen proposed it
                except ObjectDoesNotExist:
                    pass

        def is_shown(self):
            return self.proposal is not None and self.request.user.has_perm("events.view_eventproposal")

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["proposal"] = self.proposal
            return context
