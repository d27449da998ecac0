from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Audience
from .uploads import pop_upload_notices


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    menu_label = _("Pubblici dei materiali")
    list_display = ["name", "description", "sort_order"]
    sort_order_field = "sort_order"


register_snippet(AudienceViewSet)


@hooks.register("construct_main_menu")
def show_upload_notices(request, menu_items):
    """Notices about files saved without searchable text, on the uploader's next admin page.

    The main menu is built for every admin page, before its messages are shown;
    the upload views themselves answer with a redirect or with JSON.
    """
    for notice in pop_upload_notices(request.user):
        messages.warning(request, notice)
