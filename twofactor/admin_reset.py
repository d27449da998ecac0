"""The admin's way to help a locked-out editor: remove someone's two-factor.

From Impostazioni → Utenti, the «⋯» menu of a user: a confirmation page, then
their app and backup codes are removed and a login lockout of their username is
lifted, as ``manage.py twofactor_reset`` does. Only for who may change users, never
on a superuser unless one is a superuser too, and never on oneself (one's own is
turned off at /accedi/due-fattori/disattiva/, with a code).
"""

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from . import devices

CHANGE_USER_PERMISSION = "auth.change_user"


def may_reset(request_user, user):
    if user.pk == request_user.pk or not request_user.has_perm(CHANGE_USER_PERMISSION):
        return False
    return request_user.is_superuser or not user.is_superuser


def reset_view(request, user_id):
    user = get_object_or_404(get_user_model(), pk=user_id)
    if not may_reset(request.user, user):
        raise PermissionDenied
    if request.method == "POST":
        devices.turn_off(user)
        axes_reset(username=user.get_username())
        messages.success(
            request,
            _("Verifica in due passaggi tolta a «%(username)s»: ora può accedere con la sola password.")
            % {"username": user.get_username()},
        )
        return redirect("wagtailusers_users:index")
    context = {
        "subject": user,
        "has_two_factor": devices.has_two_factor(user),
        "required": devices.is_required_for(user),
        "users_url": reverse("wagtailusers_users:index"),
    }
    return TemplateResponse(request, "twofactor/admin_reset.html", context)
