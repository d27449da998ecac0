"""Read-only content API (Wagtail API v2): live public pages, images, documents.

Wagtail's endpoints already hide drafts, private pages, other sites' pages and
documents in restricted collections; here they are rate limited, and the
vocabulary filters accept slugs (``?ambito=corsichese``) as well as ids.

Rate limits: anonymous clients by their address (:func:`ciao.accounts.client_ip_address`,
which trusts ``X-Forwarded-For`` only as far as ``TRUSTED_PROXY_COUNT`` proxies of ours
wrote it) at ``API_RATE_ANON``; signed-in people by their account at ``API_RATE_USER``.
A refusal is a 429 in Italian with ``Retry-After``. Paging parameters out of range
(``offset``, ``limit``) and an unknown ``search_operator`` are a 400 in Italian.
"""

from types import SimpleNamespace

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from ciao.accounts import client_ip_address
from ciao.file_access import public_images


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


# Rate limits


class RatesFromSettings:
    """Read the rate when a request comes, not when DRF was imported (tests and settings may change it)."""

    def get_rate(self):
        try:
            return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        except KeyError as exc:
            raise ImproperlyConfigured(f"No API rate set for scope {self.scope!r}") from exc

    def get_ident(self, request):
        # DRF's own reads the whole X-Forwarded-For, whatever the client wrote there.
        return client_ip_address(request) or "unknown"


class AnonymousRateThrottle(RatesFromSettings, AnonRateThrottle):
    """Anonymous clients, by address (signed-in people are not counted here)."""


class SignedInRateThrottle(RatesFromSettings, UserRateThrottle):
    """Signed-in people, by account; anonymous clients are left to ``AnonymousRateThrottle``."""

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class TooManyRequests(exceptions.Throttled):
    default_detail = gettext_lazy("Troppe richieste in poco tempo.")
    extra_detail_singular = gettext_lazy("Riprovi tra {wait} secondo.")
    extra_detail_plural = gettext_lazy("Riprovi tra {wait} secondi.")


# Paging and searching parameters

MAX_OFFSET = 100_000


def _whole_number(request, name, default, maximum):
    raw = request.GET.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not 0 <= value <= maximum:
        raise BadRequestError(
            _("Il parametro «%(name)s» dev'essere un numero intero da 0 a %(maximum)s.")
            % {"name": name, "maximum": number_format(maximum, force_grouping=True)}
        )
    return value


class SitePagination(WagtailPagination):
    """Wagtail's ``offset`` and ``limit``, within a range and explained in Italian."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or 1000
        offset = _whole_number(request, "offset", 0, MAX_OFFSET)
        limit = _whole_number(request, "limit", min(20, limit_max), limit_max)
        self.view = view
        self.total_count = queryset.count()
        return queryset[offset : offset + limit]


class Throttled:
    throttle_classes = [AnonymousRateThrottle, SignedInRateThrottle]
    pagination_class = SitePagination

    def throttled(self, request, wait):
        raise TooManyRequests(wait)

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError(_("Il parametro «search_operator» può valere solo «and» oppure «or»."))


class PublicPagesAPIViewSet(Throttled, PagesAPIViewSet):
    filter_backends = [
        VocabularySlugFilter if backend is FieldsFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]


class PublicImagesAPIViewSet(Throttled, ImagesAPIViewSet):
    def get_queryset(self):
        # Only the images live public pages show: a draft's images stay unlisted.
        return public_images(super().get_queryset())


class PublicDocumentsAPIViewSet(Throttled, DocumentsAPIViewSet):
    def get_queryset(self):
        queryset = super().get_queryset()
        # The document model may know which files belong only to drafts or private pages.
        return queryset.public() if hasattr(queryset, "public") else queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
