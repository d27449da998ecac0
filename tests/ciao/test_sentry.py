"""Errors reach the partner's Sentry when SENTRY_DSN is set, and nothing that identifies someone does.

Events are kept in memory by a transport of the test's own: nothing goes on the network.
"""

import io

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client
from django.urls import include, path

from ciao.error_reporting import init_sentry
from tests.ciao.test_settings import run_manage

pytestmark = pytest.mark.django_db

DSN = "https://chiave@sentry.invalid/1"


def broken_view(request, token=None):
    raise RuntimeError("Guasto di prova")


urlpatterns = [
    path("guasto/", broken_view),
    path("guasto/<str:token>/", broken_view),
    path("", include("ciao.urls")),
]


@pytest.fixture
def sentry_events(settings):
    """Starts Sentry as SENTRY_DSN would, with the given environment; the events it sends."""
    import sentry_sdk
    from sentry_sdk.transport import Transport

    settings.ROOT_URLCONF = __name__
    events = []

    class KeptInMemory(Transport):
        def capture_envelope(self, envelope):
            event = envelope.get_event()
            if event is not None:
                events.append(event)

    def start(**environ):
        assert init_sentry({"SENTRY_DSN": DSN, **environ}, transport=KeptInMemory())
        return events

    yield start
    sentry_sdk.get_client().close()
    sentry_sdk.get_global_scope().set_client(None)


def failing_request(path="/guasto/", query="", headers=None, remote_addr="127.0.0.1"):
    """A GET through Django's WSGI handler, as gunicorn calls it (where Sentry reads the request);
    the status and the response's headers."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": remote_addr,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": io.StringIO(),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    environ.update({"HTTP_" + name.upper().replace("-", "_"): value for name, value in (headers or {}).items()})
    started = {}
    response = WSGIHandler()(
        environ,
        lambda status, response_headers, exc_info=None: started.update(
            status=int(status[:3]), headers=dict(response_headers)
        ),
    )
    b"".join(response)
    response.close()
    return started["status"], started["headers"]


def test_an_exception_in_a_view_is_sent_with_the_request_id_as_a_tag(sentry_events):
    events = sentry_events()

    status, headers = failing_request(headers={"X-Request-ID": "richiesta-17"})

    assert status == 500
    [event] = events
    assert event["exception"]["values"][-1]["value"] == "Guasto di prova"
    assert event["tags"]["request_id"] == "richiesta-17" == headers["X-Request-ID"]


def test_the_environment_and_release_come_from_the_environment(sentry_events):
    events = sentry_events(SENTRY_ENVIRONMENT="prova", SENTRY_RELEASE="ciao@1.4.2")

    failing_request()

    assert events[0]["environment"] == "prova" and events[0]["release"] == "ciao@1.4.2"


def test_without_sentry_environment_production_mode_is_named_production(sentry_events):
    events = sentry_events(DJANGO_ENV="production")

    failing_request()

    assert events[0]["environment"] == "production"


def test_no_cookie_authorization_query_string_or_body_is_sent(sentry_events):
    events = sentry_events()

    failing_request(
        query="email=persona@example.org",
        headers={"Authorization": "Bearer segreto-di-prova", "Cookie": "sessionid=sessione-di-prova"},
    )

    assert events[0]["request"]["url"] == "http://testserver/guasto/"
    sent = repr(events[0])
    assert "segreto-di-prova" not in sent and "sessione-di-prova" not in sent
    assert "persona@example.org" not in sent
    assert "cookies" not in events[0]["request"] and "Cookie" not in events[0]["request"]["headers"]


def test_no_user_address_or_local_variables_are_sent(sentry_events, make_user):
    events = sentry_events()
    client = Client()
    client.force_login(make_user())

    failing_request(headers={"Cookie": f"sessionid={client.cookies['sessionid'].value}"}, remote_addr="203.0.113.9")

    event = events[0]
    assert "user" not in event or not event["user"].get("ip_address")
    assert "203.0.113.9" not in repr(event)
    frames = event["exception"]["values"][-1]["stacktrace"]["frames"]
    assert not any(frame.get("vars") for frame in frames)


def test_a_token_in_the_address_is_hidden(sentry_events):
    events = sentry_events()

    failing_request("/guasto/chiave-privata-del-calendario/")

    assert events[0]["request"]["url"] == "http://testserver/guasto/<token>/"
    assert "chiave-privata-del-calendario" not in repr(events[0])


def test_without_sentry_dsn_nothing_is_started():
    assert init_sentry({"SENTRY_DSN": " "}) is False
    assert init_sentry({}) is False


@pytest.mark.slow
def test_without_sentry_dsn_the_sdk_is_not_even_imported(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "import sys; print('sentry_sdk' in sys.modules)",
        env={"CIAO_DATA_DIR": str(tmp_path), "SENTRY_DSN": ""},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"
