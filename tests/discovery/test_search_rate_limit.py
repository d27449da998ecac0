"""/cerca/ and /cerca/suggerimenti/ are not a free load generator: a per-address limit per minute."""

import pytest

from discovery import views

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock(monkeypatch, home):
    """A minute that does not roll over in the middle of a test."""
    now = {"t": 1_800_000_000.0}
    monkeypatch.setattr(views, "_now", lambda: now["t"])
    return now


def searches(client, count, **headers):
    return [client.get("/cerca/", {"q": f"parola{n}"}, **headers).status_code for n in range(count)]


def test_the_limits_are_generous_for_people(settings):
    assert settings.SEARCH_RATE_PER_MINUTE == 60
    assert settings.SUGGESTIONS_RATE_PER_MINUTE == 240


def test_the_61st_search_in_a_minute_gets_an_italian_429_in_the_site_look(client, clock):
    assert searches(client, 60, REMOTE_ADDR="203.0.113.20") == [200] * 60
    clock["t"] += 15
    response = client.get("/cerca/", {"q": "ancora"}, REMOTE_ADDR="203.0.113.20")
    assert response.status_code == 429
    assert response["Retry-After"] == "45"
    html = response.content.decode()
    assert "Troppe ricerche in poco tempo" in html
    assert "più di 60 ricerche in un minuto" in html and "Riprovi tra 45 secondi." in html
    assert 'class="it-header-wrapper' in html or "<header" in html  # base.html: the site's header
    assert 'name="robots" content="noindex"' in html


def test_the_limit_is_per_address_and_per_minute(client, clock, settings):
    settings.SEARCH_RATE_PER_MINUTE = 5
    assert searches(client, 6, REMOTE_ADDR="203.0.113.21") == [200] * 5 + [429]
    assert searches(client, 1, REMOTE_ADDR="203.0.113.22") == [200]
    clock["t"] += 60
    assert searches(client, 1, REMOTE_ADDR="203.0.113.21") == [200]


def test_a_forged_x_forwarded_for_does_not_escape(client, settings):
    settings.SEARCH_RATE_PER_MINUTE = 5
    codes = [
        client.get(
            "/cerca/", {"q": "x"}, REMOTE_ADDR="203.0.113.23", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(10)
    ]
    assert codes == [200] * 5 + [429] * 5
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert searches(client, 6, HTTP_X_FORWARDED_FOR="192.0.2.30", **proxy) == [200] * 5 + [429]
    assert searches(client, 1, HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.30", **proxy) == [429]
    assert searches(client, 1, HTTP_X_FORWARDED_FOR="192.0.2.31", **proxy) == [200]


def test_suggestions_have_their_own_limit_and_a_json_refusal(client, clock, settings):
    settings.SUGGESTIONS_RATE_PER_MINUTE = 10
    codes = [
        client.get("/cerca/suggerimenti/", {"q": f"ti{n}"}, REMOTE_ADDR="203.0.113.24").status_code for n in range(11)
    ]
    assert codes == [200] * 10 + [429]
    clock["t"] += 30
    response = client.get("/cerca/suggerimenti/", {"q": "tirocini"}, REMOTE_ADDR="203.0.113.24")
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert response.json() == {
        "query": "tirocini",
        "suggestions": [],
        "error": "Troppe richieste in poco tempo: riprovi tra 30 secondi.",
    }
    # Suggestions and searches are counted apart.
    assert searches(client, 1, REMOTE_ADDR="203.0.113.24") == [200]


def test_the_work_of_one_search_is_bounded(client):
    response = client.get("/cerca/", {"q": "x" * 5000, "page": "99999999999999999999", "tag": ["t"] * 500})
    assert response.status_code == 200
    assert "primi 200 caratteri" in response.content.decode()
    assert views._page_number("99999999999999999999") == views.MAX_PAGE == 100
