"""Formatori write materials in the admin and submit them; the redazione publishes."""

import pytest
from django.urls import reverse

from ciao.roles import FORMATORI
from resources.models import ResourcePage
from tests.factories.resources import make_document

from .forms import material_form_data

pytestmark = pytest.mark.django_db


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["resources", "resourcepage", index.pk])


def test_a_formatore_creates_a_material_with_files_and_submits_it_for_review(client, make_user, resource_index):
    formatore = make_user(FORMATORI)
    client.force_login(formatore)
    assert client.get(add_url(resource_index)).status_code == 200
    pdf, odt = make_document("pdf"), make_document("odt")
    response = client.post(
        add_url(resource_index),
        material_form_data(
            "Scheda per il colloquio",
            files=[pdf.pk, odt.pk],
            links=[("Video della simulazione", "https://video.example.org/1")],
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302
    material = ResourcePage.objects.get(title="Scheda per il colloquio")
    assert not material.live
    assert material.owner == formatore
    assert material.current_workflow_task.name == "Approvazione della redazione"
    assert [f.document_id for f in material.files.all()] == [pdf.pk, odt.pk]


def test_the_editor_of_a_material_opens(client, make_user, material_builder):
    client.force_login(make_user())
    page = material_builder("Guida", documents=[make_document("docx")])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    assert "Buone pratiche collegate" in response.content.decode()


def test_a_bad_link_gets_a_message_and_nothing_else_is_lost(client, make_user, resource_index):
    client.force_login(make_user(FORMATORI))
    response = client.post(
        add_url(resource_index),
        material_form_data(
            "Guida al tirocinio", summary="Testo scritto con cura.", links=[("Video", "non è un indirizzo")]
        ),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Testo scritto con cura." in html
    assert 'value="Guida al tirocinio"' in html
    assert not ResourcePage.objects.filter(title="Guida al tirocinio").exists()


def test_the_redazione_manages_the_audiences_of_materials(client, make_user):
    from ciao.roles import REDAZIONE

    client.force_login(make_user(REDAZIONE))
    response = client.post(
        reverse("wagtailsnippets_resources_audience:add"), {"name": "Educatori", "slug": "", "sort_order": 5}
    )
    assert response.status_code == 302
    from resources.models import Audience

    assert Audience.objects.filter(slug="educatori").exists()


def test_formatori_do_not_manage_audiences(client, make_user):
    client.force_login(make_user(FORMATORI))
    assert client.get(reverse("wagtailsnippets_resources_audience:add")).status_code in (302, 403)
