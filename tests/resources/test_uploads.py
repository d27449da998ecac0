"""Uploading a material's file in the admin: refused files get a clear Italian message, never a 500.

Uploads are made as a member of the Formatori group, the people who share materials.
"""

import json
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Collection

from resources.models import ResourceDocument
from resources.sample_files import docx_bytes, pdf_bytes
from resources.uploads import ALLOWED_EXTENSIONS, DEFAULT_MAX_UPLOAD_SIZE, max_upload_size

pytestmark = pytest.mark.django_db

PDF = pdf_bytes("Scheda", ["Una scheda di prova."])
REFUSED = {
    "disallowed type": ("materiali.zip", b"PK\x05\x06" + b"\x00" * 18, "Il formato «.zip» non è accettato"),
    "executable": ("installa.exe", b"MZ\x90\x00\x03", "Il formato «.exe» non è accettato"),
    "PDF renamed to .docx": ("scheda.docx", PDF, "ha l'estensione .docx ma il contenuto è quello di un PDF"),
    "corrupt PDF": (
        "rotto.pdf",
        b"%PDF-1.4\n" + b"\x00 dati senza struttura " * 40,
        "è danneggiato e non si può aprire",
    ),
    "program renamed to .pdf": (
        "guida.pdf",
        b"MZ\x90\x00\x03" * 20,
        "il contenuto è quello di un programma eseguibile",
    ),
}


@pytest.fixture
def formatore_client(client, make_user):
    client.force_login(make_user("Formatori"))
    return client


def post_add(client, name, data, title="Scheda per il laboratorio"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
            "tags": "laboratorio, accoglienza",
        },
    )


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_refused_file_gets_its_message_and_the_rest_of_the_form_is_kept(formatore_client, case):
    name, data, message = REFUSED[case]
    response = post_add(formatore_client, name, data)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert message in html
    assert 'value="Scheda per il laboratorio"' in html
    assert "laboratorio" in html and "accoglienza" in html
    assert not ResourceDocument.objects.exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=2048)
def test_an_oversized_file_is_refused_with_its_size_and_the_limit(formatore_client):
    response = post_add(formatore_client, "grande.pdf", PDF + b"\n%" + b"x" * 4096)
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "troppo grande" in html
    assert "2,0\xa0KB" in html
    assert 'value="Scheda per il laboratorio"' in html
    assert not ResourceDocument.objects.exists()


def test_the_size_limit_is_20_mb_unless_configured():
    assert DEFAULT_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=None):
        assert max_upload_size() == DEFAULT_MAX_UPLOAD_SIZE


def test_an_accepted_file_is_saved_with_a_plain_name_and_its_text(formatore_client):
    response = post_add(formatore_client, "Scheda Attività (v2).DOCX", docx_bytes("Scheda", ["Testo con pergamena."]))
    assert response.status_code == 302
    document = ResourceDocument.objects.get()
    assert document.filename == "scheda-attivita-v2.docx"
    assert "pergamena" in document.extracted_text
    assert document.file_size > 0


@pytest.mark.parametrize("case", ["PDF renamed to .docx", "corrupt PDF", "disallowed type"])
def test_the_chooser_upload_in_the_page_editor_shows_the_message(formatore_client, case):
    name, data, message = REFUSED[case]
    response = formatore_client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Scheda",
            "document-chooser-upload-file": SimpleUploadedFile(name, data),
            "document-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    payload = json.loads(response.content)
    assert payload["step"] == "reshow_creation_form"
    assert message in unescape(payload["htmlFragment"])
    assert not ResourceDocument.objects.exists()


@pytest.mark.parametrize("case", ["PDF renamed to .docx", "corrupt PDF", "executable"])
def test_the_multiple_upload_rejects_the_file_with_the_message(formatore_client, case):
    name, data, message = REFUSED[case]
    response = formatore_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, data), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 200
    payload = json.loads(response.content)
    assert payload["success"] is False
    assert message in payload["error_message"]
    assert not ResourceDocument.objects.exists()


def test_replacing_a_file_with_a_refused_one_keeps_the_original(client, make_user):
    client.force_login(make_user())  # the redazione may edit any document
    post_add(client, "scheda.pdf", PDF)
    document = ResourceDocument.objects.get()
    original = document.file.name
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "Titolo cambiato",
            "file": SimpleUploadedFile("scheda.docx", PDF),
            "collection": document.collection_id,
        },
    )
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "il contenuto è quello di un PDF" in html
    assert 'value="Titolo cambiato"' in html
    document.refresh_from_db()
    assert document.file.name == original
    assert document.title != "Titolo cambiato"


@override_settings(WAGTAILDOCS_EXTENSIONS=ALLOWED_EXTENSIONS)
def test_an_image_is_accepted_when_its_content_is_an_image(formatore_client):
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    assert post_add(formatore_client, "schema.png", out.getvalue()).status_code == 302
    response = post_add(formatore_client, "falso.png", PDF, title="Falso")
    assert "il contenuto è quello di un PDF" in unescape(response.content.decode())


@pytest.mark.parametrize("name", ["senza-estensione", ".pdf", "scheda.pdf.exe", "foto.svg", "x" * 300 + ".pdf"])
def test_odd_file_names_get_a_message_or_a_plain_stored_name(formatore_client, name):
    response = post_add(formatore_client, name, PDF)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "non" in unescape(response.content.decode())
    else:
        stored = ResourceDocument.objects.get().filename
        assert stored.endswith(".pdf") and len(stored) <= 90 and stored.isascii()


def test_stored_file_names_cannot_be_guessed_and_downloads_keep_the_readable_name():
    from tests.factories.resources import make_document

    first, second = make_document("pdf", name="scheda.pdf"), make_document("pdf", name="scheda.pdf")
    folders = {doc.file.name.split("/")[1] for doc in (first, second)}
    assert len(folders) == 2 and all(len(folder) >= 16 for folder in folders)
    assert first.filename == second.filename == "scheda.pdf"
