"""Read-only content API (Wagtail API v2): live public pages, images, documents.

Wagtail's endpoints already hide drafts, private pages, other sites' pages and
documents in restricted collections; here they are rate limited, and the
vocabulary filters accept slugs (``?ambito=corsichese``) as well as ids.
"""

from types import SimpleNamespace

from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class VocabularySlugFilter(FieldsFilter):
    """Wagtail's field filter, where a foreign key to a vocabulary also matches its slug."""

    def filter_queryset(self, request, queryset, view):
        by_slug = {}
        for name, value in request.GET.items():
            field = self._field(queryset.model, name)
            if field is not None and field.is_relation and field.many_to_one and not value.isdigit():
                if hasattr(field.related_model, "slug"):
                    by_slug[name] = value
        if by_slug:
            request = _without_params(request, by_slug)
            queryset = queryset.filter(**{f"{name}__slug": value for name, value in by_slug.items()})
        return super().filter_queryset(request, queryset, view)

    @staticmethod
    def _field(model, name):
        try:
            return model._meta.get_field(name)
        except Exception:  # noqa: BLE001 - not a field: left to Wagtail's own checks
            return None


def _without_params(request, names):
    """What FieldsFilter reads of the request (its GET), minus the given parameters."""
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return SimpleNamespace(GET=query)


class Throttled:
    throttle_classes = [AnonRateThrottle, UserRateThrottle]


class PublicPagesAPIViewSet(Throttled, PagesAPIViewSet):
    filter_backends = [
        VocabularySlugFilter if backend is FieldsFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]


class PublicImagesAPIViewSet(Throttled, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(Throttled, DocumentsAPIViewSet):
    def get_queryset(self):
        queryset = super().get_queryset()
        # The document model may know which files belong only to drafts or private pages.
        return queryset.public() if hasattr(queryset, "public") else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
