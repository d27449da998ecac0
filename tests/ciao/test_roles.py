"""Each editorial role can do what it should, and nothing more, on the server side."""

import pytest
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page

from ciao.demo import ensure_child
from ciao.models import Ambito, Theme
from ciao.roles import FORMATORI, OPERATORI, REDAZIONE
from practices.models import PracticeIndexPage, PracticePage
from resources.models import ResourceIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice_index(home):
    return ensure_child(home, PracticeIndexPage, title="Buone pratiche", slug="buone-pratiche")[0]


@pytest.fixture
def resource_index(home):
    return ensure_child(home, ResourceIndexPage, title="Materiali", slug="materiali")[0]


def add_url(index, model):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, index.pk],
    )


def practice_form(title, **extra):
    # The practice editor's complete POST data, kept with the practices' own tests.
    from tests.practices.test_admin import complete_form

    return complete_form(title=title, slug=slugify(title), **extra)


def create_practice_as(client, user, index, title, action):
    client.force_login(user)
    data = practice_form(title)
    data[action] = "1"
    return client.post(add_url(index, PracticePage), data)


def test_operatore_creates_a_practice_and_submits_it_for_review(client, make_user, practice_index):
    operatore = make_user(OPERATORI)
    response = create_practice_as(client, operatore, practice_index, "Scouting di quartiere", "action-submit")
    assert response.status_code == 302
    practice = PracticePage.objects.get(title="Scouting di quartiere")
    assert practice.owner == operatore
    assert not practice.live
    assert practice.current_workflow_state is not None
    assert practice.current_workflow_task.name == "Approvazione della redazione"


def test_operatore_cannot_publish(client, make_user, practice_index):
    operatore = make_user(OPERATORI)
    create_practice_as(client, operatore, practice_index, "Tentativo di pubblicare", "action-publish")
    practice = PracticePage.objects.get(title="Tentativo di pubblicare")
    assert not practice.live
    assert not practice.permissions_for_user(operatore).can_publish()


def test_operatore_cannot_edit_a_practice_owned_by_someone_else(client, make_user, practice_index):
    author, other = make_user(OPERATORI), make_user(OPERATORI)
    practice = ensure_child(
        practice_index,
        PracticePage,
        title="Pratica di Anna",
        owner=author,
        summary="Testo originale.",
        ambito=Ambito.objects.first(),
    )[0]
    client.force_login(other)
    edit_url = reverse("wagtailadmin_pages:edit", args=[practice.pk])
    assert client.get(edit_url).status_code in (302, 403)
    client.post(edit_url, practice_form("Pratica modificata", summary="Testo cambiato.", **{"action-publish": "1"}))
    practice.refresh_from_db()
    assert practice.title == "Pratica di Anna"
    assert practice.get_latest_revision().content["summary"] == "Testo originale."


def test_operatore_can_edit_their_own_practice(client, make_user, practice_index):
    author = make_user(OPERATORI)
    practice = ensure_child(
        practice_index,
        PracticePage,
        title="La mia pratica",
        owner=author,
        publish=False,
        summary="Bozza.",
        ambito=Ambito.objects.first(),
    )[0]
    client.force_login(author)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk]))
    assert response.status_code == 200


def test_operatore_cannot_write_materials_or_standard_pages(client, make_user, home, resource_index):
    from resources.models import ResourcePage

    operatore = make_user(OPERATORI)
    client.force_login(operatore)
    assert client.get(add_url(resource_index, ResourcePage)).status_code in (302, 403)
    assert client.get(reverse("wagtailadmin_pages:add", args=["ciao", "standardpage", home.pk])).status_code in (
        302,
        403,
    )


def test_formatore_writes_materials_but_not_practices(client, make_user, practice_index, resource_index):
    from resources.models import ResourcePage

    formatore = make_user(FORMATORI)
    client.force_login(formatore)
    assert client.get(add_url(resource_index, ResourcePage)).status_code == 200
    assert client.get(add_url(practice_index, PracticePage)).status_code in (302, 403)
    from tests.resources.forms import material_form_data

    data = material_form_data("Dispensa sul bilancio di competenze")
    data["action-publish"] = "1"
    response = client.post(add_url(resource_index, ResourcePage), data)
    assert response.status_code == 302
    material = ResourcePage.objects.get(title="Dispensa sul bilancio di competenze")
    assert not material.live


def test_redazione_approves_a_submitted_practice_and_it_goes_live(client, make_user, practice_index):
    operatore, redattrice = make_user(OPERATORI), make_user(REDAZIONE)
    create_practice_as(client, operatore, practice_index, "Laboratorio di cucito", "action-submit")
    practice = PracticePage.objects.get(title="Laboratorio di cucito")
    task_state = practice.current_workflow_state.current_task_state

    client.force_login(redattrice)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[practice.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    practice.refresh_from_db()
    assert practice.live


def test_redazione_publishes_directly(client, make_user, practice_index):
    redattrice = make_user(REDAZIONE)
    create_practice_as(client, redattrice, practice_index, "Rete con le imprese", "action-publish")
    assert PracticePage.objects.get(title="Rete con le imprese").live


def test_only_redazione_manages_vocabularies(client, make_user):
    url = reverse("wagtailsnippets_ciao_theme:add")
    client.force_login(make_user(OPERATORI))
    client.post(url, {"name": "Tema abusivo", "slug": "", "description": "", "sort_order": 9})
    assert not Theme.objects.filter(name="Tema abusivo").exists()

    client.force_login(make_user(REDAZIONE))
    response = client.post(url, {"name": "Abitare", "slug": "", "description": "", "sort_order": 5})
    assert response.status_code == 302
    assert Theme.objects.filter(name="Abitare").exists()


def test_new_index_pages_open_to_their_contributors(home, make_user):
    second_index = ensure_child(home, PracticeIndexPage, title="Pratiche del Corsichese")[0]
    operatore = make_user(OPERATORI)
    assert second_index.permissions_for_user(operatore).can_add_subpage()
    assert not Page.objects.get(pk=home.pk).permissions_for_user(operatore).can_add_subpage()
