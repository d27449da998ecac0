"""The pages: the code step of a login (/accedi/codice/), setting two-factor up, new
backup codes and turning it off (/accedi/due-fattori/, .../codici-di-riserva/,
.../disattiva/)."""

from base64 import b32encode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from ciao.accounts import lockout_response

from . import devices, session, throttling
from .forms import CodeForm, ConfirmAppForm
from .qr import qr_svg


def wrong_code_message(request, user, verification):
    """Why a code was refused, in Italian: throttled (wait), or wrong (how many tries are left)."""
    if verification.wait_until is not None:
        seconds = max(1, int((verification.wait_until - timezone.now()).total_seconds()) + 1)
        return ngettext(
            "Troppi codici sbagliati di seguito: aspetta %(seconds)d secondo e riprova.",
            "Troppi codici sbagliati di seguito: aspetta %(seconds)d secondi e riprova.",
            seconds,
        ) % {"seconds": seconds}
    left = throttling.attempts_left(request, user)
    message = _(
        "Il codice non è giusto o è scaduto. Controlla di usare l'account «CIAO! Comunità di pratica» dell'app e scrivi il codice che mostra adesso."
    )
    if left:
        message += " " + ngettext(
            "Hai ancora %(left)d tentativo, poi l'accesso sarà sospeso per un po'.",
            "Hai ancora %(left)d tentativi, poi l'accesso sarà sospeso per un po'.",
            left,
        ) % {"left": left}
    return message


@method_decorator([never_cache, sensitive_post_parameters("code", "backup_code")], name="dispatch")
class CodeStepView(View):
    """The second step of a login: the code from the app, or a backup code."""

    template_name = "twofactor/code.html"

    def dispatch(self, request, *args, **kwargs):
        self.user = session.pending_user(request)
        if self.user is None:
            session.drop_pending_login(request)
            return render(request, "twofactor/code_expired.html")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(CodeForm())

    def post(self, request):
        if throttling.is_locked_out(request, self.user):
            session.drop_pending_login(request)
            request.twofactor_wrong_codes = True
            return lockout_response(request, credentials=throttling.credentials_for(self.user))
        form = CodeForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        verification = devices.verify(self.user, form.typed_code)
        if verification.accepted:
            return redirect(session.complete_login(request, self.user, verification.device))
        if verification.wait_until is None and throttling.record_wrong_code(request, self.user):
            # This code was the last one allowed: the lockout page answers (AxesMiddleware).
            session.drop_pending_login(request)
        form.wrong_code(wrong_code_message(request, self.user, verification))
        return self.render(form)

    def render(self, form):
        context = {
            "form": form,
            "username": self.user.get_username(),
            "backup_open": "backup_code" in form.errors,
        }
        return render(self.request, self.template_name, context)


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


@method_decorator([never_cache, login_required, sensitive_post_parameters("code")], name="dispatch")
class SetupView(View):
    """Turn two-factor on: a QR code and the key, confirmed by a first code; then the backup codes, once."""

    template_name = "twofactor/setup.html"

    def get(self, request):
        if devices.has_two_factor(request.user):
            return self.render_active()
        return self.render_setup(ConfirmAppForm())

    def post(self, request):
        if devices.has_two_factor(request.user):
            return self.render_active()
        form = ConfirmAppForm(request.POST)
        if not form.is_valid():
            return self.render_setup(form)
        device = devices.pending_app(request.user)
        verification, codes = devices.confirm_app(device, form.cleaned_data["code"])
        if not verification.accepted:
            form.add_error("code", self.wrong_first_code_message(verification))
            form.data = {**form.data.dict(), "code": ""}
            return self.render_setup(form)
        # This session proved the code: it counts as verified from now on.
        session.set_state(request, session.VERIFIED)
        context = {"codes": codes, "next": safe_next(request)}
        return render(request, "twofactor/backup_codes.html", context)

    def wrong_first_code_message(self, verification):
        if verification.wait_until is not None:
            return wrong_code_message(self.request, self.request.user, verification)
        return _(
            "Il codice non è giusto o è scaduto. Controlla che l'ora del telefono sia giusta e scrivi il codice che l'app mostra adesso."
        )

    def render_setup(self, form):
        device = devices.pending_app(self.request.user)
        key = b32encode(device.bin_key).decode()
        context = {
            "form": form,
            "qr_code": qr_svg(device.config_url, _("Codice QR da inquadrare con l'app di autenticazione")),
            # Groups of four characters are easier to copy by hand; apps ignore the spaces.
            "manual_key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
            "required": devices.is_required_for(self.request.user),
            "next": safe_next(self.request),
        }
        return render(self.request, self.template_name, context)

    def render_active(self):
        context = {
            "backup_codes_left": devices.backup_codes_left(self.request.user),
            "required": devices.is_required_for(self.request.user),
            "next": safe_next(self.request),
        }
        return render(self.request, "twofactor/active.html", context)


class CodeProtectedView(View):
    """A change to one's own two-factor that asks for a code first: whoever finds the
    browser logged in cannot make it. Wrong codes count for django-axes as on the login."""

    template_name = None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not devices.has_two_factor(request.user):
            return redirect("twofactor_setup")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": CodeForm(), "backup_open": False})

    def post(self, request):
        if throttling.is_locked_out(request, request.user):
            request.twofactor_wrong_codes = True
            return lockout_response(request, credentials=throttling.credentials_for(request.user))
        form = CodeForm(request.POST)
        if form.is_valid():
            verification = devices.verify(request.user, form.typed_code)
            if verification.accepted:
                return self.code_accepted()
            if verification.wait_until is None:
                throttling.record_wrong_code(request, request.user)
            form.wrong_code(wrong_code_message(request, request.user, verification))
        context = {"form": form, "backup_open": "backup_code" in form.errors}
        return render(request, self.template_name, context)


@method_decorator([never_cache, login_required, sensitive_post_parameters("code", "backup_code")], name="dispatch")
class NewBackupCodesView(CodeProtectedView):
    """Ten new backup codes, shown once; the old ones stop working."""

    template_name = "twofactor/new_backup_codes.html"

    def code_accepted(self):
        codes = devices.new_backup_codes(self.request.user)
        return render(self.request, "twofactor/backup_codes.html", {"codes": codes, "renewed": True})


@method_decorator([never_cache, login_required, sensitive_post_parameters("code", "backup_code")], name="dispatch")
class TurnOffView(CodeProtectedView):
    """Turn two-factor off (not where the setting requires it)."""

    template_name = "twofactor/turn_off.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and devices.is_required_for(request.user):
            messages.error(
                request, _("Per il tuo ruolo la verifica in due passaggi è obbligatoria: non si può disattivare.")
            )
            return redirect("twofactor_setup")
        return super().dispatch(request, *args, **kwargs)

    def code_accepted(self):
        devices.turn_off(self.request.user)
        session.set_state(self.request, session.OFF)
        messages.success(
            self.request, _("Verifica in due passaggi disattivata: d'ora in poi per accedere basta la password.")
        )
        return redirect("twofactor_setup")
