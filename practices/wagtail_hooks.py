"""The practices' place in the admin: importing a practice exported by another ambito's site.

The way in is shown only to people who may use it: the button on a practice
index's listing to those who may add practices there, the menu item to those
who may add practices somewhere.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from .exchange.admin_views import ImportPracticeView, can_import_into, import_url, importable_parents
from .models import PracticeIndexPage


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("buone-pratiche/importa/", ImportPracticeView.as_view(), name="practices_import")]


class ImportPracticeMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(importable_parents(request.user))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportPracticeMenuItem(
        _("Importa pratica"), import_url(), name="importa-pratica", icon_name="upload", order=250
    )


class ImportPracticeButton(PageMenuItem):
    label = _("Importa da JSON")
    icon_name = "upload"
    priority = 16  # right after "Aggiungi pagina figlia"

    @property
    def url(self):
        return import_url(self.page)

    def is_shown(self, user):
        return can_import_into(self.page, user)


@hooks.register("register_page_header_buttons")
def practice_index_import_button(page, user, view_name, next_url=None):
    if issubclass(page.specific_class or type(None), PracticeIndexPage):
        yield ImportPracticeButton(page=page)
