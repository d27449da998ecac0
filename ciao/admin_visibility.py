"""What a contributor's admin lists: the public site, and her own work.

Wagtail lists every page under a section one may add to, every document and
image one may choose, and the site's whole history: an operatrice saw the
titles of other people's drafts, of restricted pages and of citizens'
proposals (with their names), and every file. Operatori and formatori need
the live public content (to link it) and what they wrote themselves; the
redazione (who reviews) keeps Wagtail's full view.
"""

from django.db.models import Q
from wagtail.admin.auth import permission_denied
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import AbstractPage, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from .dashboard import is_reviewer
from .file_access import public_documents, public_images


def pages_for(user, pages):
    if is_reviewer(user):
        return pages
    return pages.filter(Q(pk__in=Page.objects.live().public().values("pk")) | Q(owner=user))


def documents_for(user, documents):
    if is_reviewer(user):
        return documents
    return public_documents(documents) | documents.filter(uploaded_by_user=user)


def images_for(user, images):
    if is_reviewer(user):
        return images
    return public_images(images) | images.filter(uploaded_by_user=user)


class ContributorPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy; what a contributor may explore is narrowed by ``pages_for``.

    The explorer, the admin's page search and its pages API all list
    "explorable" pages, so narrowing them here narrows every one of them.
    """

    def explorable_instances(self, user):
        return pages_for(user, super().explorable_instances(user))


def use_contributor_page_policy():
    register_permission_policy(AbstractPage, ContributorPagePermissionPolicy(Page))


# Hooks (registered in ciao.wagtail_hooks)


def chooser_pages(pages, request):
    return pages_for(request.user, pages)


def chooser_documents(documents, request):
    return documents_for(request.user, documents)


def chooser_images(images, request):
    return images_for(request.user, images)


class ContributorDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return documents_for(self.request.user, super().get_queryset())


class ContributorImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        return images_for(self.request.user, super().get_queryset())


def admin_api_endpoints(router):
    router.register_endpoint("documents", ContributorDocumentsAdminAPIViewSet)
    router.register_endpoint("images", ContributorImagesAdminAPIViewSet)


class RedazioneOnlyReportsMiddleware:
    """The admin's site-wide reports (history, ageing pages, workflows) are the redazione's.

    Wagtail offers no hook on those views; their menu is hidden from
    contributors (ciao.wagtail_hooks), and this refuses their addresses.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and "wagtailadmin_reports" in match.namespaces and not is_reviewer(request.user):
            return permission_denied(request)
        return None
