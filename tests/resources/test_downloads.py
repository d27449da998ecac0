"""Downloads: the right content type and name, and a private material's files stay private."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from ciao.roles import REDAZIONE
from tests.factories.resources import make_document

pytestmark = pytest.mark.django_db

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


def restrict(page, restriction_type=PageViewRestriction.LOGIN, groups=(), password=""):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password=password)
    if groups:
        restriction.groups.set(groups)
    return restriction


@pytest.mark.parametrize("extension", ["pdf", "docx", "odt"])
def test_a_public_material_file_is_served_with_its_type_and_a_plain_name(client, material_builder, extension):
    document = make_document(extension, name=f"scheda-di-accoglienza.{extension}")
    material_builder("Accoglienza", documents=[document])
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPES[extension]
    assert f'filename="scheda-di-accoglienza.{extension}"' in response["Content-Disposition"]
    expected_disposition = "inline" if extension == "pdf" else "attachment"
    assert response["Content-Disposition"].startswith(expected_disposition)
    assert b"".join(response.streaming_content) == document.file.open("rb").read()


def test_a_private_material_file_sends_anonymous_visitors_to_the_login(client, material_builder):
    document = make_document("pdf")
    restrict(material_builder("Riservato", documents=[document]))
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/accedi/" in response["Location"] and "next=" in response["Location"]
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_private_material_file_is_served_to_who_may_see_the_material(client, material_builder, make_user):
    document = make_document("pdf")
    restrict(material_builder("Riservato", documents=[document]))
    client.force_login(make_user("Operatori"))
    assert client.get(document.url).status_code == 200


def test_a_group_restricted_material_file_is_forbidden_to_other_logged_in_users(client, material_builder, make_user):
    document = make_document("odt")
    restrict(
        material_builder("Per la redazione", documents=[document]),
        PageViewRestriction.GROUPS,
        groups=[Group.objects.get(name=REDAZIONE)],
    )
    client.force_login(make_user("Operatori"))
    assert client.get(document.url).status_code == 403
    client.force_login(make_user("Redazione"))
    assert client.get(document.url).status_code == 200


def test_a_password_protected_material_file_sends_visitors_to_the_material(client, material_builder):
    document = make_document("pdf")
    page = material_builder("Con password", documents=[document])
    restrict(page, PageViewRestriction.PASSWORD, password="segreta")
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"] == page.url


def test_a_draft_material_file_is_not_served_to_visitors(client, material_builder, make_user):
    document = make_document("docx")
    material_builder("Bozza", publish=False, documents=[document])
    assert client.get(document.url).status_code == 302
    client.force_login(make_user("Operatori"))
    assert client.get(document.url).status_code == 404


def test_the_owner_of_a_draft_may_download_its_files(client, resource_index, make_user):
    from tests.factories.resources import make_material

    formatore = make_user("Formatori")
    document = make_document("pdf")
    make_material(resource_index, "Bozza mia", publish=False, documents=[document], owner=formatore)
    client.force_login(formatore)
    assert client.get(document.url).status_code == 200


def test_a_file_shared_by_a_public_and_a_private_material_stays_public(client, material_builder):
    document = make_document("pdf")
    material_builder("Pubblico", documents=[document])
    restrict(material_builder("Riservato", documents=[document]))
    assert client.get(document.url).status_code == 200


def test_a_file_no_live_page_uses_is_public_only_if_the_redazione_says_so(client):
    document = make_document("pdf")
    assert client.get(document.url).status_code == 302
    document.public_in_library = True
    document.save()
    assert client.get(document.url).status_code == 200
