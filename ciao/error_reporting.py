"""Errors sent to Sentry when ``SENTRY_DSN`` is set; without it, nothing is imported nor sent.

Called at the end of the settings (ciao/settings/base.py), so that Django's integration
wraps the site before it serves. Environment: ``SENTRY_DSN``, ``SENTRY_ENVIRONMENT``
(production or development by default, from ``DJANGO_ENV``), ``SENTRY_RELEASE`` (the
deployed version, when the deployment says it).

What leaves the machine is an error's traceback, the route it happened on and the request
id (the tag ``request_id``, to find the request's log lines): no cookies, no authorization
headers, no request body, no query string, no IP address or user, no local variables (a
view's locals hold the request, whose text has the query string and a calendar's token),
and an address with its secret arguments hidden as in the logs (ciao.logs.loggable_path).
"""

import os
from urllib.parse import urlsplit, urlunsplit

# Headers that identify a person or carry a credential, whatever Sentry's own scrubber does.
DROPPED_HEADERS = {"cookie", "authorization", "proxy-authorization", "x-csrftoken", "x-forwarded-for"}


def init_sentry(environ=None, **options):
    """Start Sentry's SDK when ``SENTRY_DSN`` is set; True if it was started. ``options`` go to
    ``sentry_sdk.init`` (the tests pass a transport that keeps events in memory)."""
    environ = os.environ if environ is None else environ
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False
    # Imported here: a site without Sentry does not load the SDK at all.
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    production = environ.get("DJANGO_ENV", "").strip().lower() == "production"
    sentry_sdk.init(
        dsn=dsn,
        environment=environ.get("SENTRY_ENVIRONMENT", "").strip() or ("production" if production else "development"),
        release=environ.get("SENTRY_RELEASE", "").strip() or None,
        integrations=[DjangoIntegration()],
        # send_default_pii=False, in the form this SDK asks for (it warns about the old flag),
        # and stricter: no cookies, query strings, bodies, SQL values nor local variables at all.
        data_collection={
            "user_info": False,
            "cookies": {"mode": "off"},
            "http_headers": {"request": {"mode": "denylist", "terms": ["forwarded", "-ip", "remote-", "via", "-user"]}},
            "http_bodies": [],
            "url_query_params": {"mode": "off"},
            "database_query_data": False,
            "queues": False,
            "gen_ai": {"inputs": False, "outputs": False},
            "graphql": {"document": False, "variables": False},
            "stack_frame_variables": False,
        },
        before_send=before_send,
        **options,
    )
    return True


def before_send(event, hint):
    """The event as it may leave: tagged with the request id, stripped of what identifies someone."""
    from ciao.logs import current_request, loggable_path

    request = current_request.get()
    if request is not None and getattr(request, "request_id", None):
        event.setdefault("tags", {})["request_id"] = request.request_id
    details = event.get("request")
    if details:
        details.pop("cookies", None)
        details.pop("data", None)
        details.pop("query_string", None)
        details.pop("env", None)
        headers = details.get("headers") or {}
        details["headers"] = {name: value for name, value in headers.items() if name.lower() not in DROPPED_HEADERS}
        if request is not None and details.get("url"):
            scheme, host, _path, _query, _fragment = urlsplit(details["url"])
            details["url"] = urlunsplit((scheme, host, loggable_path(request), "", ""))
    return event
