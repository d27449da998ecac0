"""How log lines are written: one JSON object a line in production, the request's id on each.

A log collector reads JSON without guessing at a format; a person running ``make run``
reads the plain lines (``LOG_FORMAT`` chooses, ciao/settings/base.py). Both get the
filter below, which ties every line logged while a request is served to that request
(``request_id``, the one in its ``X-Request-ID`` header) and keeps the secrets in its
address out of Django's own lines. Nothing here imports Django: gunicorn's master
process formats its lines with :class:`JsonFormatter` too (ciao/gunicorn_conf.py).
"""

import contextvars
import json
import logging
from datetime import UTC, datetime
from urllib.parse import quote

# The request being served by this thread, set by ciao.request_log.RequestLogMiddleware.
current_request = contextvars.ContextVar("current_request", default=None)

# URL arguments that are keys in themselves: the private calendar's token, an
# invitation's, a subscription's, a password reset's. A line shows the route's name for them.
SECRET_URL_ARGUMENTS = ("token", "uidb64")

# What every LogRecord has; the rest of a record's attributes were passed with extra=.
_RECORD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}
# Django passes the request along with its own lines: its text carries the query string.
_NEVER_WRITTEN = {"request", "server_time"}


def loggable_path(request):
    """The request's path as a log line shows it: percent-encoded (a line cannot be split by
    the address it names), secret URL arguments replaced by their name, no query string."""
    path = quote(request.path, safe="/:@!$&'()*+,;=-._~")
    match = getattr(request, "resolver_match", None)
    for name in SECRET_URL_ARGUMENTS:
        value = match.kwargs.get(name) if match else None
        if value:
            path = path.replace(quote(str(value), safe=""), f"<{name}>")
    return path


class RequestContextFilter(logging.Filter):
    """Adds the current request's id to a record, and hides the secrets of its path when a
    record names it (Django's "Not Found: %s", "Internal Server Error: %s")."""

    def filter(self, record):
        request = current_request.get()
        if request is None:
            return True
        if not hasattr(record, "request_id"):
            record.request_id = getattr(request, "request_id", None)
        if isinstance(record.args, tuple) and request.path in record.args:
            path = loggable_path(request)
            record.args = tuple(path if isinstance(arg, str) and arg == request.path else arg for arg in record.args)
        return True


class JsonFormatter(logging.Formatter):
    """A record as one line of JSON: time (UTC), level, logger, message, the fields passed
    with ``extra=``, and the traceback when there is one."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and key not in _NEVER_WRITTEN and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str, ensure_ascii=False)
