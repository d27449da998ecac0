"""Shared documents: members upload and download; nobody else gets them, not even through /media/."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import override_settings
from django.urls import reverse


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def text_file(name="verbale.txt", content=b"Il tirocinio comincia a maggio."):
    return SimpleUploadedFile(name, content, content_type="text/plain")


def upload_url(group):
    return reverse("community:upload_document", args=[group.slug])


def document_url(document):
    return reverse("community:document", args=[document.group.slug, document.pk])


def make_document(group, member=None, name="calendario.csv", content=b"giorno;attivita\n1;accoglienza\n"):
    from community.models import SharedDocument

    document = SharedDocument(group=group, title="Calendario", uploaded_by=member, size=len(content))
    document.file.save(name, SimpleUploadedFile(name, content), save=False)
    document.save()
    return document


def group_media(group):
    from django.conf import settings

    return Path(settings.MEDIA_ROOT) / "community" / str(group.pk)


def downloaded(response):
    return b"".join(response.streaming_content)


# Uploading


def test_member_uploads_a_document_with_its_text_and_size(client, group, member):
    from community.models import SharedDocument

    client.force_login(member.user)

    response = client.post(upload_url(group), {"title": "Verbale", "description": "Di aprile", "file": text_file()})

    assert response.status_code == 302
    document = SharedDocument.objects.get()
    assert (document.group, document.uploaded_by, document.title) == (group, member, "Verbale")
    assert document.size == len(b"Il tirocinio comincia a maggio.")
    assert "tirocinio comincia" in document.text
    assert document.file.name == f"community/{group.pk}/verbale.txt"


def test_upload_form_names_the_allowed_types(client, group, member):
    client.force_login(member.user)

    response = client.get(upload_url(group))

    assert response.status_code == 200
    content = response.content.decode()
    assert 'enctype="multipart/form-data"' in content
    assert "Tipi ammessi: pdf, docx" in content
    assert 'accept=".pdf,.docx' in content


@override_settings(COMMUNITY_DOCUMENT_MAX_SIZE=10)
def test_file_over_the_limit_is_refused_with_a_message_and_the_text_kept(client, group, member):
    from community.models import SharedDocument

    client.force_login(member.user)

    response = client.post(
        upload_url(group), {"title": "Troppo grande", "description": "Una descrizione", "file": text_file()}
    )

    assert response.status_code == 413
    content = response.content.decode()
    assert "Il file è troppo grande" in content
    assert "fino a 10\xa0byte" in content
    assert 'value="Troppo grande"' in content
    assert "Una descrizione" in content
    assert not SharedDocument.objects.exists()
    assert not group_media(group).exists() or not any(group_media(group).iterdir())


@pytest.mark.parametrize("name", ["programma.exe", "pagina.html", "senza-estensione"])
def test_file_of_a_type_not_allowed_is_refused(client, group, member, name):
    from community.models import SharedDocument

    client.force_login(member.user)

    response = client.post(upload_url(group), {"title": "Attenzione", "file": text_file(name, b"<script></script>")})

    assert response.status_code == 400
    assert "Questo tipo di file non si può caricare" in response.content.decode()
    assert 'value="Attenzione"' in response.content.decode()
    assert not SharedDocument.objects.exists()


def test_upload_without_a_file_asks_for_one(client, group, member):
    client.force_login(member.user)

    response = client.post(upload_url(group), {"title": "Manca il file"})

    assert response.status_code == 400
    assert "Scegli il file da caricare" in response.content.decode()


# Downloading


def test_member_downloads_a_document_as_a_private_attachment(client, group, member):
    document = make_document(group)
    client.force_login(member.user)

    response = client.get(document_url(document))

    assert response.status_code == 200
    assert downloaded(response) == b"giorno;attivita\n1;accoglienza\n"
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"] == 'attachment; filename="calendario.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_redazione_downloads_any_groups_document(client, group, make_user):
    from ciao.roles import REDAZIONE

    document = make_document(group)
    client.force_login(make_user(REDAZIONE))

    response = client.get(document_url(document))

    assert response.status_code == 200
    assert downloaded(response).startswith(b"giorno")


@pytest.mark.parametrize("method", ["get", "post"])
def test_member_of_another_group_gets_404_on_every_document_address(client, group, outsider, method):
    from community.models import SharedDocument

    document = make_document(group)
    client.force_login(outsider.user)

    assert getattr(client, method)(document_url(document)).status_code == 404
    data = {"title": "Intruso", "file": text_file()} if method == "post" else None
    assert getattr(client, method)(upload_url(group), data).status_code == 404
    assert SharedDocument.objects.count() == 1


def test_another_groups_document_is_404_through_ones_own_group_address(client, group, other_group, outsider):
    document = make_document(group)
    client.force_login(outsider.user)

    assert client.get(reverse("community:document", args=[other_group.slug, document.pk])).status_code == 404


def test_anonymous_visitor_is_sent_to_the_login(client, group):
    document = make_document(group)

    for url in (document_url(document), upload_url(group)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_stored_file_is_not_reachable_under_media(client, group, member):
    document = make_document(group)
    client.force_login(member.user)

    assert (group_media(group) / "calendario.csv").is_file()
    assert client.get(f"/media/community/{group.pk}/calendario.csv").status_code == 404
    assert client.get(f"/media/{document.file.name}").status_code == 404


# The list the group's page shows


def test_document_list_shows_title_type_size_uploader_and_date(group, member, django_assert_num_queries):
    from community.models import SharedDocument

    for index in range(3):
        make_document(group, member, name=f"file{index}.csv", content=b"x" * 2048)

    with django_assert_num_queries(1):
        documents = list(SharedDocument.objects.filter(group=group).select_related("group", "uploaded_by__user"))
        html = render_to_string("community/includes/document_list.html", {"documents": documents})

    assert html.count(document_url(documents[0])) == 1
    assert "CSV, 2,0\xa0KB" in html
    assert f"Caricato da {member.name} il" in html
