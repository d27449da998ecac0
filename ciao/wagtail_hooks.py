from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_visibility
from .dashboard import dashboard_urls, is_reviewer, use_role_dashboard
from .file_access import check_document_access
from .models import Ambito, Comune, Organisation, TargetGroup, Theme
from .tag_admin import TagViewSet, can_merge_tags, merge_tags_view


class YesNoColumn(Column):
    """A yes/no field read as «Sì» or «No», not as Python's True and False."""

    def get_value(self, instance):
        return _("Sì") if super().get_value(instance) else _("No")


class AmbitoViewSet(SnippetViewSet):
    model = Ambito
    icon = "site"
    list_display = ["name", "full_name", "lead_body"]
    search_fields = ["name", "full_name"]


class ComuneViewSet(SnippetViewSet):
    model = Comune
    icon = "home"
    list_display = ["name", "ambito", "istat_code"]
    list_filter = ["ambito"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", YesNoColumn("is_partner", label=_("Partner di CIAO!"))]
    list_filter = ["kind", "is_partner", "ambito"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "sort_order"]
    sort_order_field = "sort_order"


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "user"
    list_display = ["name"]


class VocabularyGroup(SnippetViewSetGroup):
    menu_label = _("Vocabolari")
    menu_icon = "list-ul"
    menu_order = 300
    items = (AmbitoViewSet, ComuneViewSet, OrganisationViewSet, ThemeViewSet, TargetGroupViewSet)


register_snippet(VocabularyGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("etichette/unisci/", merge_tags_view, name="ciao_merge_tags"), *dashboard_urls()]


class MergeTagsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_merge_tags(request.user)


@hooks.register("register_admin_menu_item")
def register_merge_tags_menu_item():
    return MergeTagsMenuItem(
        _("Unisci etichette"),
        reverse("ciao_merge_tags"),
        icon_name="tag",
        order=311,
    )


register_snippet(TagViewSet)


hooks.register("construct_homepage_panels", use_role_dashboard)


@hooks.register("construct_reports_menu")
def reports_for_the_redazione(request, menu_items):
    # Site-wide reports (history, ageing pages, workflows) are the redazione's tools;
    # a contributor follows her own pages from the dashboard.
    if not is_reviewer(request.user):
        menu_items.clear()


# Files are as private as the live pages that use them (ciao.file_access).
hooks.register("before_serve_document", check_document_access)

# A contributor's admin lists the public site and her own work (ciao.admin_visibility).
hooks.register("construct_page_chooser_queryset", admin_visibility.chooser_pages)
hooks.register("construct_document_chooser_queryset", admin_visibility.chooser_documents)
hooks.register("construct_image_chooser_queryset", admin_visibility.chooser_images)
# After Wagtail's own registrations of these endpoints, which it replaces.
hooks.register("construct_admin_api", admin_visibility.admin_api_endpoints, order=100)
