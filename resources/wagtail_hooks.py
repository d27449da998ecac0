from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Audience
from .privacy import check_material_privacy


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Pubblici dei materiali")
    list_display = ["name", "description", "sort_order"]
    sort_order_field = "sort_order"


register_snippet(AudienceViewSet)

hooks.register("before_serve_document", check_material_privacy)
