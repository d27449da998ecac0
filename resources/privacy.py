"""A material's files are as private as the material.

Wagtail protects documents through their collection, not through the pages
that show them. This check (a ``before_serve_document`` hook) closes that gap:
a file attached only to materials that are drafts or view-restricted is served
to whoever may see one of those materials (or edit it), and to no one else.
Files attached to no material keep Wagtail's own rules.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from wagtail.models import PageViewRestriction
from wagtail.wagtail_hooks import require_wagtail_login


def material_pages_of(document):
    from .models import ResourcePage

    return ResourcePage.objects.filter(files__document=document).distinct()


def check_material_privacy(document, request):
    """None when the request may download ``document``; otherwise a redirect, or 403."""
    pages = material_pages_of(document)
    if not pages.exists() or pages.live().public().exists():
        return None

    restricted_live = list(pages.live())
    for page in restricted_live:
        restrictions = page.get_view_restrictions()
        if all(restriction.accept_request(request) for restriction in restrictions):
            return None

    user = request.user
    if user.is_authenticated and any(page.permissions_for_user(user).can_edit() for page in pages):
        return None

    if not user.is_authenticated:
        for page in restricted_live:
            if any(r.restriction_type == PageViewRestriction.PASSWORD for r in page.get_view_restrictions()):
                # The material's page asks for the password, then links to the file again.
                response = redirect(page.get_url(request))
                break
        else:
            # Wagtail's own login for private pages (also the one its page privacy uses).
            response = require_wagtail_login(next=request.get_full_path())
        add_never_cache_headers(response)
        return response
    raise PermissionDenied
