"""The public proposal form: one draft in review, nothing public, hostile input handled, bots slowed."""

import re

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from events import throttle
from events.models import EventPage, EventProposal
from tests.factories.events import at

pytestmark = pytest.mark.django_db


def proposal(**overrides):
    data = {
        "title": "Merenda condivisa al parco",
        "description": "Una merenda in cui ognuno porta qualcosa.\n\nCi sono giochi per bambini.",
        "start_date": "2026-12-12",
        "start_time": "16:00",
        "end_time": "18:30",
        "end_date": "",
        "comune": "opera",
        "venue": "Parco comunale",
        "address": "Via Roma 1",
        "online_url": "",
        "audience": ["famiglie"],
        "is_free": "1",
        "cost": "",
        "organiser_name": "Genitori della scuola",
        "message": "",
        "name": "Giulia Esempio",
        "email": "giulia@example.org",
        "phone": "",
        "privacy": "on",
        "sito_web": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def propose_url(index):
    return f"{index.url}proponi/"


def post(client, url, address="203.0.113.7", **overrides):
    return client.post(url, proposal(**overrides), REMOTE_ADDR=address)


def test_the_form_is_there_for_anyone(client, propose_url):
    response = client.get(propose_url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Proponi un evento" in content and 'name="privacy"' in content


def test_the_phone_field_brings_up_a_phone_keypad(client, propose_url):
    tag = re.search(r'<input[^>]*name="phone"[^>]*>', client.get(propose_url).content.decode()).group(0)
    assert re.findall(r'\btype="([^"]+)"', tag) == ["tel"]


def test_a_valid_proposal_makes_exactly_one_draft_in_review(client, index, propose_url, now, settings):
    settings.REDAZIONE_EMAIL = "redazione@example.org"
    response = post(client, propose_url)
    assert response.status_code == 302 and response["Location"].endswith("proponi/grazie/")
    (page,) = EventPage.objects.all()
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == index.pk
    assert page.start == at(2026, 12, 12, 16) and page.end == at(2026, 12, 12, 18, 30)
    assert page.comune.slug == "opera" and [a.slug for a in page.audience.all()] == ["famiglie"]
    assert "<p>Una merenda" in page.description
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.workflow.name == "Revisione redazionale"
    details = EventProposal.objects.get(page=page)
    assert (details.name, details.email, details.privacy_consent) == ("Giulia Esempio", "giulia@example.org", True)
    assert details.consent_at == now
    ours = [m for m in mail.outbox if m.to == ["redazione@example.org"]]
    assert len(ours) == 1
    assert "Merenda condivisa al parco" in ours[0].subject and ours[0].reply_to == ["giulia@example.org"]
    assert f"/admin/pages/{page.pk}/edit/" in ours[0].body


def test_success_says_what_happens_next(client, propose_url, now):
    response = client.get(post(client, propose_url)["Location"])
    assert "Che cosa succede ora" in response.content.decode()


def test_a_proposal_appears_in_no_listing_feed_search_or_api(client, index, propose_url, make_event, now):
    make_event("Evento pubblicato Zanzibar", start=at(2026, 12, 12, 10))
    post(client, propose_url, title="Proposta Zanzibar")
    assert EventPage.objects.filter(title="Proposta Zanzibar", live=False).exists()
    pages = {
        "listing": index.url,
        "month": f"{index.url}mese/2026/12/",
        "ics": f"{index.url}calendario.ics",
        "rss": f"{index.url}feed/",
        "search": "/cerca/?q=Zanzibar",
        "api": "/api/v2/pages/?type=events.EventPage&fields=title&limit=100",
        "home": "/",
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        content = response.content.decode()
        assert "Proposta Zanzibar" not in content, name
        if name not in ("home",):
            assert "Evento pubblicato Zanzibar" in content, f"{name} should list the published event"
    draft = EventPage.objects.get(title="Proposta Zanzibar")
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(draft.url).status_code == 404


def test_script_tags_event_handlers_and_javascript_links_are_stored_sanitized(client, propose_url, now):
    hostile = (
        '<p onmouseover="rubare()">Vieni <script>document.location="https://evil.example"</script>'
        '<a href="javascript:alert(1)">qui</a> o <a href="https://example.org/info" target="_blank">qui</a>'
        '<img src=x onerror=alert(1)><iframe src="https://evil.example"></iframe></p>'
    )
    assert post(client, propose_url, description=hostile).status_code == 302
    stored = EventPage.objects.get().description
    for bad in ("<script", "onmouseover", "javascript:", "<img", "onerror", "<iframe", "evil.example"):
        assert bad not in stored, bad
    assert '<a href="https://example.org/info" rel="nofollow noopener">qui</a>' in stored


def test_emoji_are_kept(client, propose_url, now):
    post(client, propose_url, title="Festa 🎉 di quartiere", description="Musica 🎶 e cibo 🍕")
    page = EventPage.objects.get()
    assert page.title == "Festa 🎉 di quartiere" and "🎶" in page.description
    assert page.slug == "festa-di-quartiere"


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"description": "x" * 100_000}, "description", "al massimo 5000 caratteri"),
        ({"title": "Festa\x00"}, "title", "null"),
        ({"title": "<b>Festa</b>"}, "title", "codice HTML"),
        ({"venue": '<img src=x onerror="alert(1)">'}, "venue", "codice HTML"),
        ({"description": "<script>alert(1)</script>"}, "description", "non resta testo"),
        ({"start_date": "2026-13-45"}, "start_date", "data valida"),
        ({"start_date": "2026-11-01"}, "start_date", "già passata"),
        ({"end_time": "15:00"}, "end_time", "dopo l'inizio"),
        ({"comune": "", "venue": "", "address": ""}, "comune", "oppure il collegamento"),
        ({"comune": "atlantide"}, "comune", "comune dell'elenco"),
        ({"online_url": "javascript:alert(1)"}, "online_url", "URL valido"),
        ({"is_free": "0"}, "cost", "quanto costa"),
        ({"email": "non-una-email"}, "email", "indirizzo email valido"),
        ({"privacy": ""}, "privacy", "consenso"),
    ],
)
def test_bad_input_is_refused_next_to_its_field_keeping_what_was_typed(
    client, propose_url, now, overrides, field, message
):
    response = post(client, propose_url, **overrides)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message.lower() in " ".join(form.errors[field]).lower()
    content = response.content.decode()
    assert f'id="id_{field}-error"' in content or f'id="id_{field}_0-error"' in content or field == "privacy"
    assert 'value="Giulia Esempio"' in content  # nothing typed is lost
    assert 'value="giulia@example.org"' in content or field == "email"
    assert not EventPage.objects.exists()
    assert not mail.outbox


def test_a_typed_html_title_is_shown_back_escaped(client, propose_url, now):
    content = post(client, propose_url, title='<script>alert("x")</script>').content.decode()
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in content
    assert '<script>alert("x")' not in content


def test_the_sixth_proposal_in_a_minute_from_one_address_is_refused_politely(client, propose_url, now):
    for _ in range(5):
        assert post(client, propose_url, address="198.51.100.9", title="").status_code == 200
    refused = post(client, propose_url, address="198.51.100.9")
    assert refused.status_code == 429
    content = refused.content.decode()
    assert "troppe proposte" in content and 'value="Giulia Esempio"' in content
    assert not EventPage.objects.exists()
    assert post(client, propose_url, address="198.51.100.10").status_code == 302  # another address is fine


def test_the_limit_is_a_sliding_minute():
    for second in range(5):
        assert throttle.allow("prova", "192.0.2.1", now=1000 + second)
    assert not throttle.allow("prova", "192.0.2.1", now=1059)
    assert throttle.allow("prova", "192.0.2.1", now=1061)


def test_the_honeypot_drops_the_proposal_without_a_word(client, propose_url, now):
    response = post(client, propose_url, sito_web="https://spam.example")
    assert response.status_code == 302 and response["Location"].endswith("proponi/grazie/")
    assert not EventPage.objects.exists() and not EventProposal.objects.exists()
    assert not mail.outbox


def test_the_honeypot_is_hidden_from_people(client, propose_url):
    content = client.get(propose_url).content.decode()
    assert '<div class="hp-field">' in content and 'tabindex="-1"' in content


def test_only_the_redazione_sees_who_proposed(client, propose_url, make_user, now):
    post(client, propose_url)
    page = EventPage.objects.get()
    redazione, operatrice = make_user("Redazione"), make_user("Operatori")
    client.force_login(redazione)
    assert "Giulia Esempio" in client.get("/admin/snippets/events/eventproposal/").content.decode()
    assert "Giulia Esempio" in client.get("/admin/snippets/events/eventproposal/?q=giulia").content.decode()
    assert "giulia@example.org" in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    client.force_login(operatrice)
    assert client.get("/admin/snippets/events/eventproposal/").status_code in (302, 403)
    assert "giulia@example.org" not in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_the_redazione_can_approve_a_proposal_and_it_goes_live(client, propose_url, make_user, now):
    post(client, propose_url)
    page = EventPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(page.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, make_user("Redazione"), "approve")
    page.refresh_from_db()
    assert page.live
    assert "Merenda condivisa al parco" in client.get(page.get_parent().url).content.decode()


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.20")
    assert throttle.client_address(request) == "198.51.100.20"
    settings.TRUSTED_PROXY_COUNT = 0  # no proxy of ours: the header is the client's, ignored
    assert throttle.client_address(request) == "10.0.0.1"


def test_a_proposal_the_busy_database_refuses_comes_back_with_everything_typed(
    client, propose_url, now, monkeypatch, caplog
):
    from django.db import OperationalError

    def locked(**_fields):
        raise OperationalError("database is locked")

    # Fails inside the save, after the draft page was written: nothing of it may stay.
    monkeypatch.setattr(EventProposal.objects, "create", locked)
    with caplog.at_level("ERROR", logger="ciao.events"):
        response = post(client, propose_url, title="Merenda al parco", phone="02 1234 5678")

    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    content = response.content.decode()
    assert "Non siamo riusciti a salvare la proposta perché il sito è molto occupato" in content
    assert "i tuoi dati sono ancora qui" in content
    for typed in (
        'value="Merenda al parco"',
        'value="Giulia Esempio"',
        'value="giulia@example.org"',
        'value="02 1234 5678"',
        "Una merenda in cui ognuno porta qualcosa",
    ):
        assert typed in content, typed
    assert "campo da correggere" not in content
    assert not EventPage.objects.exists() and not EventProposal.objects.exists()
    assert not mail.outbox
    assert "database is locked" in caplog.text and "not saved" in caplog.text


# The proposal form's limit keys on the client's address as logins do (ciao.accounts.client_ip_address).


def test_a_new_x_forwarded_for_with_every_proposal_does_not_escape_the_limit(client, propose_url, now, settings):
    settings.RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"  # what production mode used to set: ignored now
    codes = [
        client.post(
            propose_url, proposal(title=""), REMOTE_ADDR="203.0.113.50", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"
        ).status_code
        for n in range(10)
    ]
    assert codes == [200] * 5 + [429] * 5


def test_behind_one_proxy_two_proposers_are_counted_apart(client, propose_url, now, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def post_via_proxy(forwarded):
        return client.post(propose_url, proposal(title=""), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)

    assert [post_via_proxy("192.0.2.61").status_code for _ in range(6)] == [200] * 5 + [429]
    assert post_via_proxy("6.6.6.6, 192.0.2.61").status_code == 429  # a forged entry changes nothing
    assert post_via_proxy("192.0.2.62").status_code == 200


def test_a_malformed_forwarded_header_is_no_error(client, propose_url, now, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for forwarded in ("a, b", "", ",,,", "not-an-address"):
        response = client.post(propose_url, proposal(title=""), REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
        assert response.status_code in (200, 429)
