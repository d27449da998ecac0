"""The two login pages, /accedi/ and /admin/login/, with the code step after the password.

Both are their usual views (the site's, Wagtail's); only a right password for
someone with a second factor ends differently: no login yet, a pending one, and the
code page (/accedi/codice/), which completes it and goes where the login would have.
"""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.views.account import LoginView as WagtailLoginView

from ciao.accounts import LoginView as SiteLoginView
from ciao.accounts import landing_url

from . import devices, session


class CodeStepMixin:
    def form_valid(self, form):
        user = form.get_user()
        if not devices.has_two_factor(user):
            return super().form_valid(form)
        session.start_pending_login(
            self.request, user, self.next_url_for(user), remember=form.cleaned_data.get("remember")
        )
        return redirect("twofactor_code")


class LoginView(CodeStepMixin, SiteLoginView):
    def next_url_for(self, user):
        return self.get_redirect_url() or landing_url(user)


class AdminLoginView(CodeStepMixin, WagtailLoginView):
    def next_url_for(self, user):
        return self.get_redirect_url() or reverse("wagtailadmin_home")
