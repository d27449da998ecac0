"""One log line per request, under the ``ciao.requests`` logger, and its ``X-Request-ID``.

The line holds the method, the path (no query string, secret URL arguments hidden:
ciao.logs.loggable_path), the status, the time taken in milliseconds, the user's id
(null for a visitor) and the request id. It replaces gunicorn's access log, whose request
line carries query strings and private-calendar tokens whole.

The request id comes from the ``X-Request-ID`` header when a proxy in front set a valid one
(so that its log and ours name a request alike), else a new one; the response carries it
back, every line logged during the request has it, and so does an error sent to Sentry.
"""

import logging
import re
import time
import uuid

from django.core.signals import request_finished
from django.db import DatabaseError

from ciao.logs import current_request, loggable_path

logger = logging.getLogger("ciao.requests")

# Short and plain: whatever a client sends here ends up in the logs and in a response header.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def request_id_for(request):
    """The incoming ``X-Request-ID`` when it is short and made of safe characters, else a new one."""
    incoming = request.headers.get("X-Request-ID", "")
    if VALID_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


def user_id_of(request):
    user = getattr(request, "user", None)  # absent when a static file was answered before the session
    if user is None:
        return None
    try:
        return user.pk if user.is_authenticated else None
    except DatabaseError:  # the database is down: the line is still written, and the response stands
        return None


def forget_request(**kwargs):
    current_request.set(None)


class RequestLogMiddleware:
    """First in MIDDLEWARE, so that its time includes every other middleware and static files."""

    def __init__(self, get_response):
        self.get_response = get_response
        # The request stays current until its response is closed, not only until this middleware
        # returns: Django logs a 4xx or 5xx ("Not Found: <path>") after the last middleware, and a
        # streamed response is still being sent.
        request_finished.connect(forget_request, dispatch_uid="ciao.request_log.forget_request")

    def __call__(self, request):
        request.request_id = request_id_for(request)
        current_request.set(request)
        started = time.perf_counter()
        response = self.get_response(request)
        # Until the response is ready: a streamed download's sending is not in it.
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        response["X-Request-ID"] = request.request_id
        user_id = user_id_of(request)
        path = loggable_path(request)
        logger.info(
            "%s %s %s %sms user=%s id=%s",
            request.method,
            path,
            response.status_code,
            duration_ms,
            user_id or "anonymous",
            request.request_id,
            extra={
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": user_id,
                "request_id": request.request_id,
            },
        )
        return response
