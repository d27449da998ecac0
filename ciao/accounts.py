"""Logging in, out and resetting a password with the site's own look; login throttling.

The views are Django's own (``django.contrib.auth.views``) with the site's templates
(``templates/accounts/``) and Italian texts; only what the site needs differs:

- after logging in without a ``next``, people who may use Wagtail's admin go there,
  everyone else (members of the community of practice) to the reserved area;
- ``/esci/`` answers a GET with a small confirmation form (Django logs out on POST only);
- a password set through the e-mailed link also lifts a login lockout for that user.

Login throttling is django-axes (``AXES_*`` settings): its middleware turns a refused
login into :func:`lockout_response`, and it reads the client's address with
:func:`client_ip_address`, which trusts ``X-Forwarded-For`` only as far as
``TRUSTED_PROXY_COUNT`` proxies of our own wrote it.
"""

import ipaddress

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.forms import BoundField
from django.shortcuts import render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

ADMIN_PERMISSION = "wagtailadmin.access_admin"
RESERVED_AREA_PATH = "/area-riservata/"


# Forms: Django's, with Bootstrap Italia's input classes. Django (5.x) already adds
# aria-invalid and aria-describedby ("<id>_helptext", "<id>_error"); the templates
# give those ids to the help text and the error.


class SiteBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors:
            attrs["class"] = "form-control is-invalid"
        return attrs


class SiteFormMixin:
    bound_field_class = SiteBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control"
            # Focus moving on its own skips the page's heading and the reason for logging in.
            field.widget.attrs.pop("autofocus", None)

    @property
    def fields_with_errors(self):
        """The bound fields to name in the error summary above the form."""
        return [field for field in self if field.errors]


class LoginForm(SiteFormMixin, auth_forms.AuthenticationForm):
    pass


class PasswordResetForm(SiteFormMixin, auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Indirizzo e-mail")


class SetPasswordForm(SiteFormMixin, auth_forms.SetPasswordForm):
    pass


# Views


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["to_reserved_area"] = context.get("next", "").startswith(RESERVED_AREA_PATH)
        return context

    def get_default_redirect_url(self):
        return landing_url(self.request.user)


def landing_url(user):
    """Where a login without a (safe) ``next`` goes: the admin for who may use it, else the reserved area."""
    if user.has_perm(ADMIN_PERMISSION):
        return reverse("wagtailadmin_home")
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class LogoutView(auth_views.LogoutView):
    """Django's logout (POST); a GET, as from a typed address, shows the button that does it."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logout.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.get_redirect_url()}


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    @property
    def extra_email_context(self):
        return {"valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60))}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = SetPasswordForm
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        from axes.utils import reset

        response = super().form_valid(form)
        # Who reads the account's mailbox may log in again at once, wherever a
        # run of wrong passwords had locked the username out.
        reset(username=form.user.get_username())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


# Login throttling (django-axes)


def client_ip_address(request):
    """The client's address for login throttling (``AXES_CLIENT_IP_CALLABLE``).

    ``REMOTE_ADDR`` unless ``TRUSTED_PROXY_COUNT`` proxies of our own stand in front
    of the site; then the address that many entries from the right of
    ``X-Forwarded-For``. Each proxy appends the address it was reached from, so
    those entries are written by our proxies; anything further left is whatever
    the client sent and is ignored. A shorter header (a request that did not come
    through every proxy) or an unreadable entry falls back to ``REMOTE_ADDR``.
    """
    remote_addr = request.META.get("REMOTE_ADDR") or None
    hops = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if hops <= 0:
        return remote_addr
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < hops or not forwarded[-hops]:
        return remote_addr
    return _plain_address(forwarded[-hops]) or remote_addr


def _plain_address(value):
    """``1.2.3.4``, ``1.2.3.4:5678``, ``[2001:db8::1]:443`` → the address; junk → None."""
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def lockout_response(request, original_response=None, credentials=None):
    """What a refused login shows (``AXES_LOCKOUT_CALLABLE``), on /accedi/ and /admin/login/."""
    from axes.helpers import get_client_username, get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
        # Set by the two-factor step when codes, not only passwords, were wrong.
        "wrong_codes": getattr(request, "twofactor_wrong_codes", False),
    }
    return render(request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
