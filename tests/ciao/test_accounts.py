"""Logging in, out and resetting a password on the site's own pages; login throttling."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from ciao.accounts import client_ip_address
from ciao.demo import ensure_child
from ciao.models import StandardPage
from tests.factories.ciao import PASSWORD  # the make_user fixture's

# Where a partner without the admin lands after logging in (settings.LOGIN_REDIRECT_URL).
RESERVED_AREA = "/area-riservata/"

pytestmark = pytest.mark.django_db

WRONG_LOGIN = "Inserisci nome utente e password corretti"
LOCKED = "Troppi tentativi di accesso"


@pytest.fixture
def partner(make_user):
    """Someone with an account but no access to Wagtail's admin."""
    return get_user_model().objects.create_user(
        username="partner", password=PASSWORD, email="partner@example.org", first_name="Paola"
    )


@pytest.fixture
def private_page(home):
    page = ensure_child(home, StandardPage, title="Verbali riservati", slug="verbali-riservati")[0]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def log_in(client, username, password=PASSWORD, path="/accedi/", **extra):
    data = {"username": username, "password": password}
    data.update(extra.pop("data", {}))
    return client.post(path, data, **extra)


def logged_in_username(client):
    return client.get("/esci/").context["user"].get_username() or None


# The pages


def test_the_login_page_has_the_site_look_in_italian_and_no_inline_code(client, home):
    response = client.get("/accedi/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="it"' in html
    assert "it-header-wrapper" in html and "CIAO! Comunità di pratica" in html
    assert "<h1>Accedi</h1>" in html
    assert '<label class="form-field__label fw-semibold" for="id_username">Nome utente</label>' in html
    assert 'autocomplete="current-password"' in html
    assert "Hai dimenticato la password?" in html and 'href="/accedi/password/"' in html
    assert 'name="robots" content="noindex"' in html
    assert " style=" not in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"


def test_a_wrong_password_shows_an_italian_error_and_keeps_the_username(client, home, partner):
    response = log_in(client, "partner", "sbagliata")
    html = response.content.decode()
    assert response.status_code == 200
    assert WRONG_LOGIN in html and 'role="alert"' in html
    assert 'name="username" value="partner"' in html
    assert "sbagliata" not in html


def test_empty_fields_are_named_in_the_error_summary_and_described_on_the_field(client, home):
    html = client.post("/accedi/", {"username": "", "password": ""}).content.decode()
    assert "Ci sono 2 campi da correggere" in html
    assert '<a href="#id_username">Nome utente</a>: Questo campo è obbligatorio.' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_username_error"' in html
    assert 'id="id_username_error"' in html


def test_the_reason_to_log_in_shows_only_when_something_asked_for_it(client, home):
    reason = "Questo contenuto è riservato ai partner della comunità di pratica: accedi per vederlo."
    assert reason not in client.get("/accedi/").content.decode()
    html = client.get("/accedi/?next=/verbali-riservati/").content.decode()
    assert reason in html
    assert '<input type="hidden" name="next" value="/verbali-riservati/">' in html


def test_next_is_honoured_and_an_external_next_is_ignored(client, home, partner):
    response = log_in(client, "partner", data={"next": "/verbali-riservati/?pagina=2"})
    assert response.status_code == 302 and response["Location"] == "/verbali-riservati/?pagina=2"
    client.post("/esci/")
    for unsafe in ("https://truffa.example.org/", "//truffa.example.org/", "javascript:alert(1)"):
        response = log_in(client, "partner", data={"next": unsafe})
        assert response.status_code == 302 and response["Location"] == RESERVED_AREA, unsafe
        client.post("/esci/")
    # An unsafe next is not echoed back into the form either.
    assert "truffa" not in client.get("/accedi/?next=https://truffa.example.org/").content.decode()


def test_without_next_editors_land_in_the_admin_and_partners_in_the_reserved_area(client, home, partner, make_user):
    assert log_in(client, "partner")["Location"] == RESERVED_AREA
    client.post("/esci/")
    operator = make_user("Operatori")
    assert log_in(client, operator.username)["Location"] == "/admin/"
    client.post("/esci/")
    admin = make_user()
    assert log_in(client, admin.username)["Location"] == "/admin/"


def test_a_login_only_page_sends_anonymous_visitors_to_the_login_and_back(client, private_page, partner):
    response = client.get(private_page.url)
    assert response.status_code == 302
    assert response["Location"] == "/accedi/?next=/verbali-riservati/"
    login_page = client.get(response["Location"]).content.decode()
    assert "riservato ai partner della comunità di pratica" in login_page
    response = log_in(client, "partner", data={"next": "/verbali-riservati/"})
    assert response["Location"] == "/verbali-riservati/"
    assert client.get(private_page.url).status_code == 200


def test_logout_is_a_post_and_a_get_only_asks_to_confirm(client, home, partner):
    client.force_login(partner)
    html = client.get("/esci/").content.decode()
    assert "Hai effettuato l'accesso come partner. Vuoi uscire?" in html
    assert '<form method="post" action="/esci/">' in html and "csrfmiddlewaretoken" in html
    assert logged_in_username(client) == "partner"  # the GET did not log out

    response = client.post("/esci/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert logged_in_username(client) is None
    assert "Non hai effettuato l'accesso." in client.get("/esci/").content.decode()


def test_password_reset_sends_one_italian_email_whose_link_sets_a_new_password(client, home, partner):
    page = client.get("/accedi/password/")
    assert page.status_code == 200 and "Reimposta la password" in page.content.decode()
    response = client.post("/accedi/password/", {"email": "partner@example.org"})
    assert response.status_code == 302 and response["Location"] == "/accedi/password/inviata/"
    assert "E-mail inviata" in client.get(response["Location"]).content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["partner@example.org"]
    assert message.subject == "Reimposta la password – CIAO! Comunità di pratica"
    assert message.body.startswith("Buongiorno Paola,")
    assert "Il tuo nome utente è: partner" in message.body
    assert "entro 3 giorni" in message.body
    assert "Se non hai chiesto tu di reimpostare la password" in message.body
    link = re.search(r"http://testserver(/accedi/password/[^/\s]+/[^/\s]+/)", message.body).group(1)

    # Django swaps the token for "set-password" in the address before showing the form.
    form_url = client.get(link)["Location"]
    form_page = client.get(form_url).content.decode()
    assert "Scegli una nuova password" in form_page and "Nuova password" in form_page
    response = client.post(form_url, {"new_password1": "girasole-di-paullo-7", "new_password2": "girasole-di-paullo-7"})
    assert response.status_code == 302 and response["Location"] == "/accedi/password/fatto/"
    assert "Password cambiata" in client.get(response["Location"]).content.decode()

    assert log_in(client, "partner", PASSWORD).status_code == 200  # the old one no longer works
    assert log_in(client, "partner", "girasole-di-paullo-7")["Location"] == RESERVED_AREA
    # The link is single-use.
    client.post("/esci/")
    assert "Collegamento non valido" in client.get(link, follow=True).content.decode()


def test_password_reset_names_no_account_and_mails_no_stranger(client, home, partner):
    response = client.post("/accedi/password/", {"email": "nessuno@example.org"})
    assert response["Location"] == "/accedi/password/inviata/"
    assert mail.outbox == []


def test_the_new_password_must_pass_the_validators_in_italian(client, home, partner):
    client.post("/accedi/password/", {"email": "partner@example.org"})
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    html = client.post(form_url, {"new_password1": "12345678", "new_password2": "12345678"}).content.decode()
    assert "password è troppo comune" in html
    assert 'aria-describedby="id_new_password1_helptext"' in html or "id_new_password2_error" in html


# Login throttling


def fail(client, username, times, path="/accedi/", **extra):
    return [log_in(client, username, "sbagliata", path=path, **extra).status_code for _ in range(times)]


def test_five_wrong_passwords_lock_the_username_out_even_with_the_right_one(client, home, partner):
    assert fail(client, "partner", 4) == [200] * 4
    response = log_in(client, "partner", "sbagliata")
    assert response.status_code == 429
    response = log_in(client, "partner")
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED in html and "sospeso per 15 minuti" in html and "«partner»" in html
    assert "it-header-wrapper" in html  # the site's look
    assert logged_in_username(client) is None
    # Another username from the same address, and the same username from elsewhere, may log in.
    other = get_user_model().objects.create_user(username="altra", password=PASSWORD)
    assert log_in(client, other.username)["Location"] == RESERVED_AREA
    client.post("/esci/")
    assert log_in(client, "partner", REMOTE_ADDR="192.0.2.7")["Location"] == RESERVED_AREA


def test_the_admin_login_is_throttled_too_with_an_italian_page(client, home, make_user):
    editor = make_user("Redazione")
    assert fail(client, editor.username, 4, path="/admin/login/") == [200] * 4
    assert fail(client, editor.username, 1, path="/admin/login/") == [429]
    response = log_in(client, editor.username, path="/admin/login/")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert client.get("/admin/").status_code == 302  # still not logged in
    # Failures on either form add up: the site's form is locked for this username too.
    assert log_in(client, editor.username).status_code == 429


def test_a_successful_login_starts_the_count_again(client, home, partner):
    fail(client, "partner", 4)
    assert log_in(client, "partner")["Location"] == RESERVED_AREA
    client.post("/esci/")
    assert fail(client, "partner", 4) == [200] * 4
    assert log_in(client, "partner")["Location"] == RESERVED_AREA


def test_a_forged_x_forwarded_for_does_not_escape_the_lockout(client, home, partner, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        log_in(client, "partner", "sbagliata", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    response = log_in(client, "partner", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_address_it_saw_counts_not_what_the_client_wrote(client, home, partner, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # Every request comes from the proxy (REMOTE_ADDR); the proxy appends the client's address.
    for n in range(5):
        log_in(client, "partner", "sbagliata", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, 198.51.100.20")
    assert log_in(client, "partner", HTTP_X_FORWARDED_FOR="198.51.100.20").status_code == 429
    # Someone else behind the same proxy is not locked out.
    assert log_in(client, "partner", HTTP_X_FORWARDED_FOR="198.51.100.21")["Location"] == RESERVED_AREA


def test_axes_reset_lifts_the_lockout(client, home, partner):
    fail(client, "partner", 5)
    assert log_in(client, "partner").status_code == 429
    call_command("axes_reset", stdout=__import__("io").StringIO())
    assert log_in(client, "partner")["Location"] == RESERVED_AREA


def test_a_new_password_from_the_emailed_link_lifts_the_lockout(client, home, partner):
    fail(client, "partner", 5)
    client.post("/accedi/password/", {"email": "partner@example.org"})
    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    client.post(form_url, {"new_password1": "girasole-di-paullo-7", "new_password2": "girasole-di-paullo-7"})
    assert log_in(client, "partner", "girasole-di-paullo-7")["Location"] == RESERVED_AREA


@pytest.mark.parametrize(
    "count, forwarded, remote, expected",
    [
        (0, "203.0.113.9", "10.0.0.1", "10.0.0.1"),
        (1, "203.0.113.9", "10.0.0.1", "203.0.113.9"),
        (1, "1.1.1.1, 203.0.113.9", "10.0.0.1", "203.0.113.9"),
        (2, "1.1.1.1, 203.0.113.9, 10.0.0.2", "10.0.0.1", "203.0.113.9"),
        (2, "203.0.113.9", "10.0.0.1", "10.0.0.1"),  # did not come through both proxies
        (1, "", "10.0.0.1", "10.0.0.1"),
        (1, "non-un-indirizzo", "10.0.0.1", "10.0.0.1"),
        (1, "203.0.113.9:51234", "10.0.0.1", "203.0.113.9"),
        (1, "[2001:db8::7]:443", "10.0.0.1", "2001:db8::7"),
        (1, "2001:DB8::7", "10.0.0.1", "2001:db8::7"),
    ],
)
def test_the_client_address_trusts_only_as_many_forwarded_hops_as_configured(
    settings, count, forwarded, remote, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/accedi/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip_address(request) == expected


# Wagtail's password-protected pages


def test_a_password_protected_page_asks_for_it_with_the_site_look_in_italian(client, home):
    page = ensure_child(home, StandardPage, title="Bozza del bando", slug="bozza-del-bando")[0]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="girasole")
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Contenuto protetto da password" in html and "it-header-wrapper" in html
    assert "Bozza del bando" not in html  # the title is part of what the password protects
    action = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
    return_url = re.search(r'name="return_url" value="([^"]+)"', html).group(1)

    wrong = client.post(action, {"password": "tulipano", "return_url": return_url}).content.decode()
    assert "La password inserita non è corretta" in wrong and 'aria-invalid="true"' in wrong
    response = client.post(action, {"password": "girasole", "return_url": return_url})
    assert response["Location"] == page.url
    assert "Bozza del bando" in client.get(page.url).content.decode()
