"""Writing a practice in the admin: operatori draft and submit, the redazione publishes."""

import datetime
import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from ciao.models import Ambito, Comune, Organisation, TargetGroup, Theme
from ciao.roles import OPERATORI, REDAZIONE
from practices.models import PracticePage
from tests.factories.practices import practice_index

pytestmark = pytest.mark.django_db

EMPTY_EDITOR = "null"  # what the rich text editor sends when nothing was written


@pytest.fixture
def strict_index(home):
    # Complete records are the default; said here because these tests depend on it.
    return practice_index(home, slug="pratiche", require_complete_records=True)


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["practices", "practicepage", index.pk])


def complete_form(title="Sportello nei quartieri", **overrides):
    ambito = Ambito.objects.get(slug="corsichese")
    data = {
        "title": title,
        "slug": "sportello-nei-quartieri",
        "summary": "Uno sportello che va dove sono le persone.",
        "ambito": ambito.pk,
        "comuni": [Comune.objects.get(slug="corsico").pk],
        "start_date": "2021-03-01",
        "end_date": "",
        "themes": [Theme.objects.get(slug="inclusione").pk],
        "target_groups": [TargetGroup.objects.get(slug="donne").pk],
        "tags": "ascolto, quartieri",
        "lead_organisation": Organisation.objects.get(slug="ufficio-di-piano-ambito-corsichese").pk,
        "partner_organisations": [],
        "contact_name": "Valentina Ricci",
        "contact_email": "valentina@example.org",
        "contact_phone": "",
        "context": rich_text("<p>Il bisogno.</p>"),
        "objectives": rich_text("<p>Gli obiettivi.</p>"),
        "results": rich_text("<p>I risultati.</p>"),
        "evidence": EMPTY_EDITOR,
        "lessons_learnt": EMPTY_EDITOR,
        "transferability": EMPTY_EDITOR,
        "staff": "",
        "budget": "",
        "funding_source": "",
        "steps": inline_formset([{"title": "Aprire lo sportello", "description": "Tre pomeriggi."}]),
        "indicators": inline_formset([{"name": "Donne accolte", "value": "40", "unit": "Persone ", "year": "2021"}]),
        "attachments": inline_formset([]),
    }
    data.update(overrides)
    # Multiple choices are posted as repeated fields, not nested ones.
    choices = {k: data.pop(k) for k in ("comuni", "themes", "target_groups", "partner_organisations")}
    return {**nested_form_data(data), **choices}


def post_as(client, user, index, data, action):
    client.force_login(user)
    data[action] = "1"
    return client.post(add_url(index), data)


def test_the_form_is_grouped_in_tabs_an_operatore_understands(client, make_user, strict_index):
    client.force_login(make_user(OPERATORI))
    html = client.get(add_url(strict_index)).content.decode()
    for tab in ["In breve", "Chi la realizza", "Come funziona", "Risultati", "Trasferibilità e allegati"]:
        assert tab in html
    assert "Al massimo 100 parole" in html


def test_operatore_submits_a_complete_practice_for_review(client, make_user, strict_index):
    operatore = make_user(OPERATORI)
    response = post_as(client, operatore, strict_index, complete_form(), "action-submit")
    assert response.status_code == 302
    practice = PracticePage.objects.get(title="Sportello nei quartieri")
    assert not practice.live and practice.owner == operatore
    assert practice.current_workflow_state is not None
    assert [s.title for s in practice.steps.all()] == ["Aprire lo sportello"]
    assert practice.indicators.get().unit == "persone"  # normalised for the sums per ambito


def test_operatore_saves_an_incomplete_draft(client, make_user, strict_index):
    data = complete_form(comuni=[], themes=[], context=EMPTY_EDITOR, steps=inline_formset([]))
    response = post_as(client, make_user(OPERATORI), strict_index, data, "action-save")
    assert response.status_code == 302
    assert not PracticePage.objects.get(title="Sportello nei quartieri").live


def test_an_incomplete_practice_cannot_be_submitted_where_complete_records_are_required(
    client, make_user, strict_index
):
    data = complete_form(comuni=[], themes=[], context=EMPTY_EDITOR, steps=inline_formset([]))
    response = post_as(client, make_user(OPERATORI), strict_index, data, "action-submit")
    assert response.status_code == 200
    form = response.context["form"]
    assert {"comuni", "themes", "context"} <= set(form.errors)
    assert form.formsets["steps"].non_form_errors()
    assert not PracticePage.objects.filter(title="Sportello nei quartieri").exists()


def test_an_index_may_accept_incomplete_records_for_review(client, make_user, home):
    relaxed = practice_index(home, slug="raccolta", title="Raccolta", require_complete_records=False)
    data = complete_form(comuni=[], themes=[], context=EMPTY_EDITOR, steps=inline_formset([]))
    response = post_as(client, make_user(OPERATORI), relaxed, data, "action-submit")
    assert response.status_code == 302
    assert PracticePage.objects.get(title="Sportello nei quartieri").current_workflow_state is not None


def test_comuni_must_belong_to_the_chosen_ambito(client, make_user, strict_index):
    data = complete_form(comuni=[Comune.objects.get(slug="paullo").pk])
    response = post_as(client, make_user(OPERATORI), strict_index, data, "action-save")
    assert response.status_code == 200
    assert response.context["form"].errors["comuni"] == [
        "Questi comuni non fanno parte dell'ambito Corsichese: Paullo."
    ]


def test_an_end_date_in_the_future_is_refused_with_a_hint(client, make_user, strict_index):
    future = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    response = post_as(client, make_user(OPERATORI), strict_index, complete_form(end_date=future), "action-save")
    assert "lascia vuota la data di fine" in response.context["form"].errors["end_date"][0]


def test_a_summary_over_100_words_is_refused(client, make_user, strict_index):
    data = complete_form(summary="parola " * 101)
    response = post_as(client, make_user(OPERATORI), strict_index, data, "action-save")
    assert "Al massimo 100 parole" in response.context["form"].errors["summary"][0]


def test_operatore_cannot_publish(client, make_user, strict_index):
    operatore = make_user(OPERATORI)
    post_as(client, operatore, strict_index, complete_form(), "action-publish")
    practice = PracticePage.objects.get(title="Sportello nei quartieri")
    assert not practice.live
    assert not practice.permissions_for_user(operatore).can_publish()


def test_redazione_approves_a_submitted_practice_and_it_goes_live(client, make_user, strict_index):
    post_as(client, make_user(OPERATORI), strict_index, complete_form(), "action-submit")
    practice = PracticePage.objects.get(title="Sportello nei quartieri")
    task_state = practice.current_workflow_state.current_task_state
    client.force_login(make_user(REDAZIONE))
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    practice.refresh_from_db()
    assert practice.live
    assert client.get(practice.url).status_code == 200


def test_redazione_publishes_directly_and_status_follows_the_end_date(client, make_user, strict_index):
    data = complete_form(end_date="2022-06-30")
    response = post_as(client, make_user(REDAZIONE), strict_index, data, "action-publish")
    assert response.status_code == 302
    practice = PracticePage.objects.get(title="Sportello nei quartieri")
    assert practice.live
    assert (practice.status, practice.start_year) == ("conclusa", 2021)


def test_an_operatore_cannot_edit_someone_elses_practice(client, make_user, strict_index):
    post_as(client, make_user(OPERATORI), strict_index, complete_form(), "action-save")
    practice = PracticePage.objects.get(title="Sportello nei quartieri")
    client.force_login(make_user(OPERATORI))
    assert client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])).status_code in (302, 403)


def test_the_editor_previews_unsaved_changes(client, make_user, strict_index, index):
    from tests.factories.practices import make_practice

    author = make_user(REDAZIONE)
    client.force_login(author)
    data = complete_form(title="Anteprima di una pratica nuova")
    url = reverse("wagtailadmin_pages:preview_on_add", args=["practices", "practicepage", strict_index.pk])
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Anteprima di una pratica nuova" in html and "Aprire lo sportello" in html

    practice = make_practice(index, title="Pratica pubblicata", ambito="corsichese")
    data = complete_form(title="Pratica con modifiche", comuni=[Comune.objects.get(slug="assago").pk])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[practice.pk])
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "Pratica con modifiche" in html and "Assago" in html


def test_comuni_are_grouped_by_ambito_and_stay_ticked(client, make_user, strict_index):
    operatore = make_user(OPERATORI)
    post_as(client, operatore, strict_index, complete_form(), "action-save")
    practice = PracticePage.objects.get(title="Sportello nei quartieri")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])).content.decode()
    corsico = Comune.objects.get(slug="corsico").pk
    assert re.search(rf'<input type="checkbox" name="comuni" value="{corsico}"[^>]*checked', html)
    assert (
        html.index("<label>Corsichese</label>") < html.index(" Corsico</label>") < html.index("<label>Paullese</label>")
    )
