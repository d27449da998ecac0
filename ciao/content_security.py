"""Two Content-Security-Policies: a strict one for the public site, a looser one for the admin.

Wagtail's admin (8.0) still writes inline ``<script>`` blocks (inline panels, date
pickers, the workflow and image views) and ``style`` attributes; under
``script-src 'self'`` its choosers and "Aggiungi" buttons do nothing. Nonces cannot
reach those scripts without copying a dozen Wagtail templates, and a nonce added to
every inline script of a rendered page would trust whatever the page contains, which
is ``'unsafe-inline'`` under another name. So the admin, reached only by signed-in
staff, allows inline scripts and styles; everything else stays as strict as on the
public site (own origin only, no ``eval``, no plugins, no foreign frames of the admin).
The public site never allows inline code.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse


def admin_prefix():
    return reverse("wagtailadmin_home")


class SiteAndAdminCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(admin_prefix()):
            # The admin's preview panel shows the page in a frame of the admin itself.
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
            return PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts
