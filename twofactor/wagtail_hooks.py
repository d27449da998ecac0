from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from .admin_reset import may_reset, reset_view


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("due-fattori/<int:user_id>/togli/", reset_view, name="twofactor_admin_reset")]


@hooks.register("register_user_listing_buttons")
def reset_button(user, request_user):
    # Offered for every user (whether one has two-factor costs a query per row);
    # the confirmation page says whether they have it.
    if not may_reset(request_user, user):
        return []
    return [
        Button(
            _("Togli la verifica in due passaggi"),
            url=reverse("twofactor_admin_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]


@hooks.register("register_account_menu_item")
def two_factor_settings(request):
    # The admin's «Account» page leads to the site's own page for one's second factor.
    return {
        "url": reverse("twofactor_setup"),
        "label": _("Verifica in due passaggi"),
        "help_text": _(
            "Un codice dall'app del telefono dopo la password: attivala, crea nuovi codici di riserva o disattivala."
        ),
    }
