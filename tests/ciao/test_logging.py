"""What an operator reads in the logs: one line per request, JSON in production, and no secrets.

The lines are read from the handler LOGGING configures (ciao/settings/base.py), so its
filter is the one production has; the JSON formatter is put on it here (the test settings
are the embedded ones, whose lines are plain).
"""

import io
import json
import logging
import re

import pytest
from django.urls import reverse

from ciao.logs import JsonFormatter, RequestContextFilter
from tests.ciao.test_settings import run_manage, settings_value
from tests.factories.community import make_member

pytestmark = pytest.mark.django_db


def configured_handler():
    return next(
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RequestContextFilter) for f in handler.filters)
    )


@pytest.fixture
def log_output():
    """What the site's log handler writes during the test, as text."""
    handler = configured_handler()
    buffer = io.StringIO()
    previous_stream, previous_formatter = handler.setStream(buffer), handler.formatter
    handler.setFormatter(JsonFormatter())
    try:
        yield buffer
    finally:
        handler.setStream(previous_stream)
        handler.setFormatter(previous_formatter)


def lines(log_output):
    return [json.loads(line) for line in log_output.getvalue().splitlines()]


def request_lines(log_output):
    return [line for line in lines(log_output) if line["logger"] == "ciao.requests"]


def test_each_request_writes_one_json_line_with_method_path_status_time_user_and_id(client, home, log_output):
    response = client.get("/salute/")

    [line] = request_lines(log_output)
    assert line["method"] == "GET"
    assert line["path"] == "/salute/"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["user_id"] is None
    assert line["request_id"] == response["X-Request-ID"]
    assert line["level"] == "INFO" and re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])


def test_a_logged_in_persons_request_names_their_user_id(client, home, log_output):
    member = make_member("lettrice")
    client.force_login(member.user)

    client.get("/salute/")

    assert request_lines(log_output)[-1]["user_id"] == member.user.pk


def test_the_query_string_is_never_logged(client, home, log_output):
    client.get("/salute/?q=indirizzo+di+casa&email=persona@example.org")

    assert request_lines(log_output)[0]["path"] == "/salute/"
    assert "example.org" not in log_output.getvalue() and "indirizzo" not in log_output.getvalue()


def test_a_private_calendar_token_is_hidden_in_the_request_line(client, home, log_output):
    member = make_member("conta")

    response = client.get(reverse("community:calendar", args=[member.calendar_token]))

    assert response.status_code == 200
    assert request_lines(log_output)[0]["path"] == "/area-riservata/calendario/<token>.ics"
    assert member.calendar_token not in log_output.getvalue()


def test_a_wrong_calendar_token_is_hidden_in_djangos_not_found_line_too(client, home, log_output):
    guessed = "a" * 40

    response = client.get(reverse("community:calendar", args=[guessed]))

    assert response.status_code == 404
    not_found = [line for line in lines(log_output) if line["logger"] == "django.request"]
    assert not_found and not_found[0]["message"] == "Not Found: /area-riservata/calendario/<token>.ics"
    assert guessed not in log_output.getvalue()


def test_a_password_reset_link_is_hidden_in_the_request_line(client, home, log_output):
    client.get("/accedi/password/MQ/cz2abc-0123456789abcdef0123456789abcdef/")

    [line] = request_lines(log_output)
    assert line["path"] == "/accedi/password/<uidb64>/<token>/"


def test_a_login_logs_neither_the_password_nor_the_session_id(client, home, log_output):
    member = make_member("accesso")

    client.post("/accedi/", {"username": "accesso", "password": "una-password-segreta-1"})
    client.force_login(member.user)
    client.get("/salute/")

    written = log_output.getvalue()
    assert "una-password-segreta-1" not in written
    assert client.cookies["sessionid"].value not in written


def test_a_valid_incoming_request_id_is_kept_and_sent_back(client, home, log_output):
    response = client.get("/salute/", headers={"X-Request-ID": "proxy-7f3a.12_b"})

    assert response["X-Request-ID"] == "proxy-7f3a.12_b"
    assert request_lines(log_output)[0]["request_id"] == "proxy-7f3a.12_b"


@pytest.mark.parametrize(
    "incoming", ["x" * 65, "id con spazi", "id\nINFO finto", "<script>", "-inizia-col-trattino", ""]
)
def test_an_unsafe_or_long_request_id_is_replaced_by_a_new_one(client, home, log_output, incoming):
    response = client.get("/salute/", headers={"X-Request-ID": incoming})

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert request_lines(log_output)[0]["request_id"] == response["X-Request-ID"]


def test_each_request_gets_its_own_request_id(client, home):
    assert client.get("/salute/")["X-Request-ID"] != client.get("/salute/")["X-Request-ID"]


def test_every_line_logged_during_a_request_carries_its_request_id(client, home, log_output, monkeypatch):
    from ciao import health

    def failing():
        logging.getLogger("ciao.health").warning("Controllo del disco fallito")
        raise OSError("disco")

    monkeypatch.setitem(health.CHECKS, "disk", failing)

    response = client.get("/salute/")

    ids = {line["request_id"] for line in lines(log_output) if "request_id" in line}
    assert ids == {response["X-Request-ID"]}
    assert any(line["message"] == "Controllo del disco fallito" for line in lines(log_output))


def test_an_exception_is_one_json_line_with_its_traceback():
    record = logging.makeLogRecord({"name": "ciao", "levelname": "ERROR", "msg": "Pubblicazione fallita"})
    try:
        raise ValueError("pagina 12")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()

    written = JsonFormatter().format(record)

    assert "\n" not in written
    entry = json.loads(written)
    assert entry["message"] == "Pubblicazione fallita"
    assert "ValueError: pagina 12" in entry["exception"]


def test_the_request_django_attaches_to_its_lines_is_not_written():
    # Its text is "<WSGIRequest: GET '/path?query'>", query string included.
    record = logging.makeLogRecord({"name": "django.request", "msg": "Not Found: /x/", "request": object()})
    record.status_code = 404

    entry = json.loads(JsonFormatter().format(record))

    assert "request" not in entry and entry["status_code"] == 404


def test_in_plain_format_an_address_with_a_line_break_stays_one_line(client, home):
    handler = configured_handler()
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        client.get("/salute/%0AINFO%20ciao.requests%20GET%20/finto/")
    finally:
        handler.setStream(previous)

    written = buffer.getvalue().splitlines()
    # Each line is one of ours, starting with its time; none was forged by the address.
    assert written and all(re.match(r"\d{4}-\d\d-\d\d ", line) for line in written)
    assert any("GET /salute/%0AINFO%20ciao.requests" in line for line in written)


@pytest.mark.slow
def test_production_writes_json_and_the_embedded_setup_plain_lines(tmp_path):
    production = {"DJANGO_ENV": "production", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"}
    production["CIAO_DATA_DIR"] = str(tmp_path)
    assert settings_value("settings.LOG_FORMAT", production) == "json"
    assert settings_value("settings.LOG_FORMAT", {"CIAO_DATA_DIR": str(tmp_path)}) == "plain"
    assert settings_value("settings.LOG_FORMAT", {"CIAO_DATA_DIR": str(tmp_path), "LOG_FORMAT": "json"}) == "json"


@pytest.mark.slow
def test_an_unknown_log_format_stops_the_site_with_a_clear_message(tmp_path):
    result = run_manage("check", env={"CIAO_DATA_DIR": str(tmp_path), "LOG_FORMAT": "xml"})

    assert result.returncode != 0
    assert "LOG_FORMAT must be json or plain, not 'xml'" in result.stderr
