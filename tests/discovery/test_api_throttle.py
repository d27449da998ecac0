"""The content API's rate limits: by address for anonymous clients, by account for signed-in people.

The address is ``ciao.accounts.client_ip_address``: ``X-Forwarded-For`` counts only
as far as ``TRUSTED_PROXY_COUNT`` proxies of ours wrote it, so a client cannot
escape the limit by sending a new header with every request.
"""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v2/pages/"


@pytest.fixture(autouse=True)
def rates(settings, home):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "20/minute", "user": "10/minute"},
    }


def statuses(client, count, **headers):
    return [client.get(URL, {"limit": 1}, **headers).status_code for _ in range(count)]


def test_a_new_x_forwarded_for_with_every_request_does_not_escape_the_limit(client):
    codes = [
        client.get(URL, {"limit": 1}, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(100)
    ]
    assert codes == [200] * 20 + [429] * 80


def test_the_refusal_is_in_italian_and_says_when_to_try_again(client):
    statuses(client, 20, REMOTE_ADDR="203.0.113.6")
    response = client.get(URL, REMOTE_ADDR="203.0.113.6")
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 60
    unit = "secondo" if wait == 1 else "secondi"
    assert response.json() == {"detail": f"Troppe richieste in poco tempo. Riprovi tra {wait} {unit}."}


def test_another_address_is_not_affected(client):
    assert statuses(client, 21, REMOTE_ADDR="203.0.113.7")[-1] == 429
    assert statuses(client, 1, REMOTE_ADDR="203.0.113.8") == [200]


def test_behind_a_proxy_two_clients_are_counted_apart_and_cannot_forge(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    assert statuses(client, 20, HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy) == [200] * 20
    assert statuses(client, 1, HTTP_X_FORWARDED_FOR="192.0.2.1", **proxy) == [429]
    # What the client writes is left of what our proxy appends: it changes nothing.
    assert statuses(client, 1, HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.1", **proxy) == [429]
    assert statuses(client, 5, HTTP_X_FORWARDED_FOR="192.0.2.2", **proxy) == [200] * 5


def test_anonymous_and_signed_in_limits_are_separate(client, make_user):
    # Anonymous clients have their own rate (20), not the signed-in one (10) on top of it.
    assert statuses(client, 21, REMOTE_ADDR="203.0.113.9") == [200] * 20 + [429]
    # Signed in, from the same address: counted by account, at the signed-in rate.
    client.force_login(make_user("Operatori"))
    assert statuses(client, 11, REMOTE_ADDR="203.0.113.9") == [200] * 10 + [429]
    # Another account from that address is not affected.
    client.force_login(make_user("Operatori"))
    assert statuses(client, 1, REMOTE_ADDR="203.0.113.9") == [200]
