"""/salute/: the proxy's health check says whether the site can serve, and nothing more."""

import pytest

from ciao import health

pytestmark = pytest.mark.django_db


def test_a_healthy_site_answers_200_with_each_check_and_no_cache(client, home):
    response = client.get("/salute/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "search_index": "ok", "disk": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize("failing", sorted(health.CHECKS))
def test_a_failing_check_gives_503_and_names_no_cause(client, home, monkeypatch, failing):
    def broken():
        raise OSError("/srv/ciao/var/search: permission denied, SECRET_KEY=abc")

    monkeypatch.setitem(health.CHECKS, failing, broken)
    response = client.get("/salute/")
    assert response.status_code == 503
    assert response.json()["checks"][failing] == "errore"
    assert "denied" not in response.content.decode() and "/srv" not in response.content.decode()


def test_a_nearly_full_disk_fails_the_check(client, home, monkeypatch):
    monkeypatch.setattr(health, "MIN_FREE_BYTES", 10**18)
    assert client.get("/salute/").json()["checks"]["disk"] == "errore"


def test_only_get(client, home):
    assert client.post("/salute/").status_code == 405
