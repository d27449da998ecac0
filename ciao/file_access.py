"""Who may download a file: whoever may see a live page that uses it.

Wagtail protects documents by collection, not by the pages that show them, so
the attachment of a draft or of a login-only practice, a file added only in a
draft of a live material and a document linked from a draft's body all
downloaded anonymously. Here a document (or image) is visible when

- a live page without view restrictions uses it in its live version, or
- a live restricted page uses it and the request passes that page's
  restrictions (login, group, password), or
- the redazione marked it public on purpose (``public_in_library``), or
- the person may edit it or a page that uses it (previews, the admin).

Everyone else gets a 404, or the login / the page's password form when a
login- or password-protected page uses the file.

What a live version uses is kept in ``FileUse`` rows, rewritten whenever a
page is published or unpublished (Wagtail's signals; a deleted page's rows go
with it). Content saved straight to a live page without publishing (a shell
script) is seen at its next publication, or by ``refresh_all_file_uses()``.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.permissions import policy_registry
from wagtail.wagtail_hooks import require_wagtail_login

from .models import FileUse

logger = logging.getLogger(__name__)


# What live versions use


def _file_content_types():
    base = ReferenceIndex._get_base_content_type
    return {base(get_document_model()).pk: "document", base(get_image_model()).pk: "image"}


def files_used_by(page):
    """{("document" | "image", pk)} that ``page``'s content refers to (fields, blocks, rich text)."""
    kinds = _file_content_types()
    # Wagtail's own reference extraction, run on the content we hold, not on its index.
    references = ReferenceIndex._extract_references_from_object(page)
    return {(kinds[ct], int(pk)) for ct, pk, _model_path, _content_path in references if ct in kinds}


def refresh_file_uses(page):
    """Rewrite the files ``page``'s live version uses (none if it is not live).

    Read from the database, which holds the live content, not from ``page``:
    walking an instance's stream fields converts its blocks in memory, and a
    revision saved from it afterwards would carry the converted values.
    """
    stored = Page.objects.filter(pk=page.pk, live=True).first()
    used = files_used_by(stored.specific) if stored else set()
    with transaction.atomic():
        FileUse.objects.filter(page=page).delete()
        FileUse.objects.bulk_create(
            [FileUse(page_id=page.pk, **{f"{kind}_id": pk}) for kind, pk in sorted(used)],
            ignore_conflicts=True,
        )


def refresh_all_file_uses():
    """Rebuild every row from the live pages (a database made before FileUse existed)."""
    FileUse.objects.all().delete()
    for page in Page.objects.live().iterator(chunk_size=200):
        refresh_file_uses(page)


# Who may see what


def _used_by_public_pages(kind):
    # "pk in (subquery)", not Exists(): search backends can filter on the former.
    uses = FileUse.objects.filter(page__in=Page.objects.live().public(), **{f"{kind}__isnull": False})
    return Q(pk__in=uses.values(f"{kind}_id"))


def public_documents(documents):
    """The documents anyone may download: used by a live public page, or public on purpose."""
    on_purpose = documents.model.objects.filter(public_in_library=True).values("pk")
    return documents.filter(_used_by_public_pages("document") | Q(pk__in=on_purpose))


def public_images(images):
    """The images a live public page uses."""
    return images.filter(_used_by_public_pages("image"))


def _may_edit(user, document):
    if not user.is_authenticated:
        return False
    if document.uploaded_by_user_id == user.pk:
        return True
    if policy_registry.get_by_type(get_document_model()).user_has_permission_for_instance(user, "change", document):
        return True
    # Pages that refer to it now, drafts included (Wagtail's reference index): their editors preview it.
    referring = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = [int(pk) for pk in referring.values_list("object_id", flat=True)]
    return any(page.permissions_for_user(user).can_edit() for page in Page.objects.filter(pk__in=page_ids))


def check_document_access(document, request):
    """``before_serve_document``: None if the request may download ``document``.

    Otherwise, for a visitor not signed in, a redirect to the login (or to the
    password form of the page that uses it); for someone signed in,
    ``PermissionDenied`` when a restricted page uses it and ``Http404`` when no
    live page does (a file nobody shows them does not exist for them).
    """
    if document.public_in_library:
        return None
    live_users = Page.objects.live().filter(file_uses__document=document)
    if live_users.public().exists():
        return None
    restricted = list(live_users.specific())
    for page in restricted:
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return None
    if _may_edit(request.user, document):
        return None
    if request.user.is_authenticated:
        if restricted:
            # As for the page that uses it: signed in, but not among those it is for.
            raise PermissionDenied
        raise Http404
    for page in restricted:
        if any(r.restriction_type == PageViewRestriction.PASSWORD for r in page.get_view_restrictions()):
            # The page asks for its password, then links to the file again.
            response = redirect(page.get_url(request))
            break
    else:
        # A login-only page's file, or one of a draft that its editor may open once signed in.
        response = require_wagtail_login(next=request.get_full_path())
    add_never_cache_headers(response)
    return response
