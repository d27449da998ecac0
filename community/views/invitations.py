"""The invitation's link: the invited person sets a password and enters the reserved area.

Not behind ``reserved``: whoever has the link is, by definition, not a member yet.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms.invitations import AcceptInvitationForm, ConfirmInvitationForm
from ..invitations import InvitationUnavailable, accept_invitation, existing_users, suggested_username
from ..models import Invitation

# Axes (the first backend) only throttles logins; the account was just made here.
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _gone(request, invitation):
    reason = "accepted" if invitation.accepted_at else "expired"
    return render(request, "community/invitation_gone.html", {"reason": reason, "invitation": invitation}, status=410)


@require_http_methods(["GET", "POST"])
def accept(request, token):
    invitation = Invitation.find(token)
    if invitation is None:
        raise Http404
    if invitation.accepted_at or invitation.is_expired:
        return _gone(request, invitation)

    accounts = list(existing_users(invitation))
    own_account = next((user for user in accounts if user.pk == request.user.pk), None)
    context = {
        "invitation": invitation,
        "groups": list(invitation.groups.order_by("sort_order", "name")),
    }
    if accounts and own_account is None:
        # One person, one account: the existing one logs in and comes back here.
        context["login_needed"] = True
        return render(
            request, "community/accept_invitation.html", context, status=403 if request.method == "POST" else 200
        )

    data = request.POST if request.method == "POST" else None
    if own_account is not None:
        form = ConfirmInvitationForm(data)
    else:
        form = AcceptInvitationForm(invitation, data, initial={"username": suggested_username(invitation)})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if own_account is not None:
                    member = accept_invitation(invitation, user=own_account)
                else:
                    member = accept_invitation(
                        invitation,
                        username=form.cleaned_data["username"],
                        password=form.cleaned_data["password1"],
                    )
            except InvitationUnavailable:
                invitation.refresh_from_db()
                return _gone(request, invitation)
            if own_account is None:
                login(request, member.user, backend=LOGIN_BACKEND)
            messages.success(
                request,
                _("Ti diamo il benvenuto nella comunità di pratica di CIAO! Il tuo nome utente è %(username)s.")
                % {"username": member.user.get_username()},
            )
            return redirect("community:my_area")
        status = 400
    context.update(form=form, own_account=own_account)
    return render(request, "community/accept_invitation.html", context, status=status)
