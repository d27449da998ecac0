from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Sinonimi di ricerca")
    menu_order = 310
    add_to_settings_menu = True
    list_display = ["terms", "also"]
    search_fields = ["terms", "also"]


register_snippet(SearchSynonymViewSet)
