"""Serve anonymous visitors' GET and HEAD requests from the ``pages`` cache, and fill it.

A request is looked up only when nobody can be recognised in it: no cookie but
the CSRF one (a visitor who once saw a form is still anonymous), no
``Authorization`` header, and a path outside the places that are personal or
count each request (``PAGE_CACHE_SKIP_PATHS``: the admin, logging in, the
reserved area, following, ``/cerca/``, which records every query it answers).
A response is kept only if it can be shared: a 200 with no cookie set, no CSRF
token written into it, and no ``private``/``no-store``/``no-cache``. Wagtail
marks every answer of a page under a view restriction ``no-store`` (its
``check_view_restrictions``, even when the visitor may see the page), and the
login redirect and password form are not shareable anyway.

It stands right after WhiteNoise, before the session and everything else: a
kept response carries the headers the inner middleware gave it (the
Content-Security-Policy, X-Frame-Options), and a hit costs no SQL at all.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe

from . import generation

logger = logging.getLogger(__name__)

UNSHAREABLE_DIRECTIVES = ("private", "no-store", "no-cache")
# Set per request, or by the cache itself: never kept with the page.
UNKEPT_HEADERS = {"x-cache", "set-cookie", "date"}


def is_anonymous_read(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if set(request.COOKIES) - {settings.CSRF_COOKIE_NAME}:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path_info.startswith(tuple(settings.PAGE_CACHE_SKIP_PATHS))


def is_shareable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # get_token() was called: the page holds a form with this visitor's CSRF token.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNSHAREABLE_DIRECTIVES):
        return False
    return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES


def cache_key(request, host, token):
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    return f"page:{token}:{hashlib.sha256(address.encode()).hexdigest()}"


def _kept(response):
    headers = [(name, value) for name, value in response.items() if name.lower() not in UNKEPT_HEADERS]
    return (response.status_code, headers, response.content)


def _from_kept(kept):
    status, headers, content = kept
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not is_anonymous_read(request):
            return self.get_response(request)
        try:
            address = request.get_host()
        except DisallowedHost:
            return self.get_response(request)  # answered 400 further in, as without the cache
        try:
            cache = caches[generation.CACHE_ALIAS]
            key = cache_key(request, address, generation.current())
            kept = cache.get(key)
        except Exception:
            # A cache that is down costs speed, never the page.
            logger.exception("Page cache lookup failed")
            return self.get_response(request)
        if kept is not None:
            return self._hit(request, _from_kept(kept))
        response = self.get_response(request)
        if request.method == "GET" and is_shareable(request, response):
            try:
                cache.set(key, _kept(response), seconds)
            except Exception:
                logger.exception("Page cache store failed")
        response["X-Cache"] = "miss"
        return response

    def _hit(self, request, response):
        response["X-Cache"] = "hit"
        etag, last_modified = response.get("ETag"), response.get("Last-Modified")
        if etag or last_modified:
            last_modified = parse_http_date_safe(last_modified) if last_modified else None
            response = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
            response["X-Cache"] = "hit"
        return response
