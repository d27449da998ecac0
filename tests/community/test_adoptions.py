"""Adoptions of practices: recorded by members, reviewed by the redazione, shown on the practice page,
the intervention model, the comparison between ambiti and the JSON export once published, and nowhere
before."""

import json

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ciao.roles import OPERATORI, REDAZIONE
from tests.factories.community import make_member
from tests.factories.exchange import make_adoption, make_question
from tests.factories.practices import make_practice, practice_index

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"
PENDING_WORD = "Zafferanoadozione"
SEARCHED = "cardamomoadozione"  # the search page repeats what was typed: a second word is searched


@pytest.fixture
def index(home):
    return practice_index(home)


@pytest.fixture
def author(make_user):
    return make_user(OPERATORI, username="autrice")


@pytest.fixture
def practice(index, author):
    return make_practice(index, title="Tirocini nelle imprese", ambito="sud-est-milano", owner=author)


@pytest.fixture
def adopter():
    from ciao.models import Ambito, Organisation

    return make_member(
        "adottante",
        ambito=Ambito.objects.get(slug="corsichese"),
        organisation=Organisation.objects.get(slug="ufficio-di-piano-ambito-corsichese"),
    )


@pytest.fixture
def redazione(make_user):
    return make_user(REDAZIONE, username="redattrice")


def text_of(response):
    return response.content.decode()


def form_data(practice, **overrides):
    from ciao.models import Ambito, TargetGroup

    data = {
        "practice": practice.pk,
        "ambito": Ambito.objects.get(slug="corsichese").pk,
        "organisation": "",
        "kind": "adattata",
        "adopted_on": "2024-02-01",
        "target_groups": [TargetGroup.objects.get(slug="giovani").pk],
        "changes": "Tirocini di quattro mesi invece di sei.",
        "reasons": "Le imprese della logistica lo chiedevano.",
        "outcome": "Undici contratti su diciotto tirocini.",
        "contact": "",
        "indicatori-TOTAL_FORMS": "3",
        "indicatori-INITIAL_FORMS": "0",
        "indicatori-MIN_NUM_FORMS": "0",
        "indicatori-MAX_NUM_FORMS": "30",
        "indicatori-0-name": "Tirocini avviati",
        "indicatori-0-value": "18",
        "indicatori-0-unit": "Tirocini",
        "indicatori-0-year": "2024",
        "azione": "invia",
    }
    data.update(overrides)
    return data


# Recording an adoption


def test_anonymous_visitors_are_sent_to_the_login_to_record_an_adoption(client, practice):
    response = client.get(reverse("community:new_adoption") + f"?pratica={practice.pk}")
    assert response.status_code == 302
    assert response["Location"].startswith("/accedi/")


def test_members_see_the_way_to_record_an_adoption_on_the_practice_page_and_visitors_do_not(client, practice, adopter):
    link = f"{reverse('community:new_adoption')}?pratica={practice.pk}"
    assert link not in text_of(client.get(practice.url))
    client.force_login(adopter.user)
    page = text_of(client.get(practice.url))
    assert link in page
    assert "Avete adottato questa pratica?" in page


def test_the_form_starts_from_the_practice_and_the_members_ambito(client, practice, adopter):
    client.force_login(adopter.user)
    response = client.get(reverse("community:new_adoption") + f"?pratica={practice.pk}")
    form = response.context["form"]
    assert form["practice"].value() == practice.pk
    assert form["ambito"].value() == adopter.ambito_id
    assert form["organisation"].value() == adopter.organisation_id


def test_a_member_sends_an_adoption_to_the_redazione_which_hears_of_it(
    client, practice, adopter, settings, django_capture_on_commit_callbacks
):
    from community.models import Adoption

    settings.REDAZIONE_EMAIL = "redazione@ciao.example.org"
    client.force_login(adopter.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("community:new_adoption"), form_data(practice))
    adoption = Adoption.objects.get()
    assert response.status_code == 302
    assert adoption.status == Adoption.Status.IN_REVIEW and adoption.submitted_by == adopter
    assert [(i.name, i.value, i.unit) for i in adoption.indicators.all()] == [("Tirocini avviati", 18, "tirocini")]
    assert [m.to for m in mail.outbox] == [["redazione@ciao.example.org"]]
    assert "Tirocini nelle imprese" in mail.outbox[0].subject
    listing = text_of(client.get(reverse("community:adoptions")))
    assert "Tirocini nelle imprese" in listing and "Stato: in revisione" in listing


def test_a_draft_is_saved_without_telling_anyone(client, practice, adopter, django_capture_on_commit_callbacks):
    from community.models import Adoption

    client.force_login(adopter.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("community:new_adoption"), form_data(practice, azione="bozza"))
    assert Adoption.objects.get().status == Adoption.Status.DRAFT
    assert mail.outbox == []


def test_bad_input_comes_back_with_italian_messages_and_everything_typed(client, practice, adopter):
    from community.models import Adoption

    client.force_login(adopter.user)
    data = form_data(
        practice, ambito="", adopted_on="2999-01-01", **{"indicatori-0-value": "tanti", "changes": "Turni corti."}
    )
    response = client.post(reverse("community:new_adoption"), data)
    page = text_of(response)
    assert response.status_code == 400
    assert "Scegli l&#x27;ambito in cui avete adottato la pratica." in page
    assert "La data non può essere nel futuro" in page
    assert "Scrivi un numero" in page
    assert "Turni corti." in page and 'value="Tirocini avviati"' in page
    assert Adoption.objects.count() == 0


def test_a_practice_that_is_not_published_cannot_be_chosen(client, index, adopter):
    draft = make_practice(index, publish=False)
    client.force_login(adopter.user)
    response = client.post(reverse("community:new_adoption"), form_data(draft))
    assert response.status_code == 400
    assert "non è tra quelle pubblicate" in text_of(response)


def test_a_member_edits_their_rejected_adoption_and_sends_it_again(client, practice, adopter):
    from community.models import Adoption

    adoption = make_adoption(practice, adopter, status="respinta", review_reason="Mancano i risultati.")
    client.force_login(adopter.user)
    assert "Mancano i risultati." in text_of(client.get(reverse("community:adoptions")))
    response = client.post(
        reverse("community:edit_adoption", args=[adoption.pk]), form_data(practice, outcome="Ora ci sono.")
    )
    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.status == Adoption.Status.IN_REVIEW and adoption.outcome == "Ora ci sono."


def test_nobody_edits_another_members_adoption_and_a_published_one_is_the_redazione_s(
    client, practice, adopter, redazione
):
    adoption = make_adoption(practice, adopter, status="bozza")
    published = make_adoption(practice, adopter, ambito="paullese", status="pubblicata")
    client.force_login(make_member("altra").user)
    assert client.get(reverse("community:edit_adoption", args=[adoption.pk])).status_code == 404
    client.force_login(adopter.user)
    assert client.get(reverse("community:edit_adoption", args=[published.pk])).status_code == 403
    client.force_login(redazione)  # no member profile: it reviews in the admin
    assert client.get(reverse("community:new_adoption")).status_code == 403


# Review in the admin


def admin_edit(adoption):
    return reverse("wagtailsnippets_community_adoption:edit", args=[adoption.pk])


def admin_data(adoption, **overrides):
    data = {
        "status": adoption.status,
        "review_reason": "",
        "practice": adoption.practice_id,
        "ambito": adoption.ambito_id,
        "organisation": "",
        "kind": adoption.kind,
        "adopted_on": adoption.adopted_on.isoformat(),
        "changes": adoption.changes,
        "reasons": adoption.reasons,
        "outcome": adoption.outcome,
        "contact": adoption.contact_id or "",
        "submitted_by": adoption.submitted_by_id or "",
        "indicators-TOTAL_FORMS": "0",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_the_redazione_lists_adoptions_waiting_for_review(client, practice, adopter, redazione):
    make_adoption(practice, adopter, status="revisione")
    make_adoption(practice, adopter, ambito="paullese", status="pubblicata")
    client.force_login(redazione)
    response = client.get(reverse("wagtailsnippets_community_adoption:list") + "?status=revisione")
    assert response.status_code == 200
    assert "Tirocini nelle imprese → Corsichese" in text_of(response)
    assert "Tirocini nelle imprese → Paullese" not in text_of(response)


def test_publishing_an_adoption_tells_whoever_recorded_it(
    client, practice, adopter, redazione, django_capture_on_commit_callbacks
):
    adoption = make_adoption(practice, adopter, status="revisione")
    client.force_login(redazione)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(admin_edit(adoption), admin_data(adoption, status="pubblicata"))
    assert response.status_code == 302
    adoption.refresh_from_db()
    assert adoption.is_public and adoption.reviewed_by == redazione and adoption.reviewed_at
    assert [m.to for m in mail.outbox] == [[adopter.user.email]]
    assert "è pubblicata" in mail.outbox[0].subject
    assert practice.url in mail.outbox[0].body


def test_rejecting_takes_a_reason_which_the_submitter_reads(
    client, practice, adopter, redazione, django_capture_on_commit_callbacks
):
    adoption = make_adoption(practice, adopter, status="revisione")
    client.force_login(redazione)
    response = client.post(admin_edit(adoption), admin_data(adoption, status="respinta"))
    assert response.status_code == 200 and "Scrivi il motivo" in text_of(response)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(admin_edit(adoption), admin_data(adoption, status="respinta", review_reason="Manca la data."))
    adoption.refresh_from_db()
    assert adoption.status == "respinta"
    assert len(mail.outbox) == 1 and "Manca la data." in mail.outbox[0].body


def test_operatori_do_not_review_adoptions(client, practice, adopter, author):
    adoption = make_adoption(practice, adopter, status="revisione")
    client.force_login(author)
    assert client.get(admin_edit(adoption)).status_code in (302, 403)


# What the public sees


def test_the_practice_page_shows_each_published_adoption_with_its_results(client, practice, adopter):
    make_adoption(
        practice,
        adopter,
        organisation=adopter.organisation,
        changes="Turni del mattino.",
        indicators=[("Contratti firmati", "11", "persone", 2024)],
    )
    make_adoption(practice, adopter, ambito="paullese")
    page = text_of(client.get(practice.url))
    assert "Adottata anche a Paullese e Corsichese" in page  # the newest first, each ambito once
    assert "Ufficio di Piano Ambito Corsichese" in page
    assert "Turni del mattino." in page
    assert "Contratti firmati" in page and "Adottante Prova" in page


@pytest.mark.parametrize("status", ["bozza", "revisione", "respinta"])
def test_unpublished_adoptions_reach_no_public_page_feed_api_sitemap_search_or_export(
    client, index, practice, adopter, status
):
    make_adoption(practice, adopter, status=status, changes=f"Cambiato {PENDING_WORD} {SEARCHED}", outcome=PENDING_WORD)
    addresses = [
        practice.url,
        practice.url + "esporta/",
        index.url + "feed/",
        index.url + "confronto/",
        "/sitemap.xml",
        "/api/v2/pages/?type=practices.PracticePage&fields=*",
        f"/api/v2/pages/{practice.pk}/",
        f"/cerca/?q={SEARCHED}",
        f"/api/v2/pages/?search={SEARCHED}",
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert PENDING_WORD not in text_of(response), address
    assert "Adottata anche a" not in text_of(client.get(practice.url))
    assert json.loads(client.get(practice.url + "esporta/").content)["adoptions"] == []


def test_the_export_carries_the_published_adoptions_only(client, practice, adopter):
    make_adoption(practice, adopter, indicators=[("Tirocini avviati", "18", "tirocini", 2024)])
    make_adoption(practice, adopter, ambito="paullese", status="revisione")
    exported = json.loads(client.get(practice.url + "esporta/").content)
    assert [a["ambito"]["slug"] for a in exported["adoptions"]] == ["corsichese"]
    assert exported["adoptions"][0]["indicators"] == [
        {"name": "Tirocini avviati", "value": "18.00", "unit": "tirocini", "year": 2024}
    ]


def test_hostile_html_in_an_adoption_is_shown_as_text(client, practice, adopter):
    make_adoption(practice, adopter, changes=f"Prima {HOSTILE} dopo https://example.org/scheda")
    page = text_of(client.get(practice.url))
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<a href="https://example.org/scheda" rel="nofollow noopener">' in page


def test_the_comparison_counts_transfers_from_the_practices_ambito_to_the_adopters(client, index, practice, adopter):
    make_adoption(practice, adopter)
    make_adoption(practice, adopter, ambito="paullese")
    other = make_practice(index, ambito="corsichese")
    make_adoption(other, adopter, ambito="sud-est-milano")
    make_adoption(other, adopter, ambito="paullese", status="revisione")
    comparison = client.get(index.url + "confronto/").context["comparison"]
    transfers = {
        (row.origin.slug, ambito.slug): count
        for row in comparison.transfers.rows
        for ambito, count in zip([r.origin for r in comparison.transfers.rows], row.counts, strict=True)
        if count
    }
    assert transfers == {
        ("sud-est-milano", "corsichese"): 1,
        ("sud-est-milano", "paullese"): 1,
        ("corsichese", "sud-est-milano"): 1,
    }
    assert comparison.transfers.total == 3
    assert "Trasferimenti tra ambiti" in text_of(client.get(index.url + "confronto/"))


def test_the_intervention_model_shows_where_each_phases_practices_travelled(client, home, practice, adopter):
    from ciao.demo import ensure_child
    from practices.models import InterventionModelPage

    make_adoption(practice, adopter, organisation=adopter.organisation)
    make_adoption(practice, adopter, ambito="paullese", status="revisione")
    phases = [
        {
            "type": "phase",
            "value": {
                "title": "Tirocini e stage",
                "description": "<p>In impresa.</p>",
                "expected_outputs": [],
                "practices": [practice.pk],
                "materials": [],
            },
        }
    ]
    model = ensure_child(home, InterventionModelPage, title="Modello", slug="modello", phases=json.dumps(phases))[0]
    model.save_revision().publish()
    response = client.get(model.url)
    travelled = response.context["phase_views"][0].travelled
    assert [(p.pk, [a.ambito.slug for a in adoptions]) for p, adoptions in travelled] == [(practice.pk, ["corsichese"])]
    assert "Pratiche che hanno viaggiato" in text_of(response)


# Cost


@pytest.mark.parametrize("as_member", [False, True])
def test_the_practice_page_costs_the_same_queries_whatever_the_adoptions_and_questions(
    client, practice, adopter, as_member
):
    if as_member:
        client.force_login(adopter.user)

    def cost():
        client.get(practice.url)  # warm-up: site root paths, settings
        with CaptureQueriesContext(connection) as queries:
            response = client.get(practice.url)
        assert response.status_code == 200
        return len(queries)

    make_adoption(practice, adopter, indicators=[("Tirocini", "3", "tirocini", 2024)])
    make_question(practice, adopter, answer="Sì.", is_public=True)
    one = cost()
    for ambito in ("paullese", "visconteo-sud-milano", "sud-est-milano"):
        make_adoption(
            practice, adopter, ambito=ambito, indicators=[("A", "1", "persone", 2024), ("B", "2", "ore", 2024)]
        )
    for n in range(5):
        make_question(practice, adopter, text=f"Domanda {n}", answer=f"Risposta {n}", is_public=True)
    assert cost() == one
