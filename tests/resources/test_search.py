"""The text inside attached files makes a material findable, on whichever backend is configured."""

import io
import logging

import pytest
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from resources.models import ResourcePage
from resources.sample_files import pdf_bytes
from tests.factories.resources import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["configured", "whoosh"])
def search_backend(request, tmp_path, settings):
    """Run each test on the configured backend and on the site's Whoosh backend."""
    if request.param == "whoosh":
        pytest.importorskip("search.backend")
        settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend", "PATH": str(tmp_path / "index")}}
    return request.param


# Words that appear nowhere but inside one attached file.
WORDS = {"pdf": "zibaldone", "docx": "ghirigoro", "odt": "arzigogolo"}


@pytest.mark.parametrize("extension", ["pdf", "docx", "odt"])
def test_a_word_only_inside_the_file_finds_the_material(material_builder, extension):
    word = WORDS[extension]
    document = make_document(extension, text=f"Nel quaderno compare la parola {word} una sola volta.")
    page = material_builder("Quaderno delle attività", documents=[document])
    material_builder("Un altro materiale")
    assert word not in page.title + page.summary
    assert list(ResourcePage.objects.live().search(word)) == [page]


@pytest.mark.parametrize("extension", ["pdf", "docx", "odt"])
def test_the_site_search_finds_the_material_by_a_word_inside_its_file(client, material_builder, extension):
    word = WORDS[extension]
    document = make_document(extension, text=f"Una parola rara: {word}.")
    material_builder("Scheda di laboratorio", documents=[document])
    response = client.get("/cerca/", {"q": word})
    assert response.status_code == 200
    assert "Scheda di laboratorio" in response.content.decode()


def test_drafts_and_private_materials_are_not_found_by_their_files(client, material_builder):
    draft = material_builder("Bozza", publish=False, documents=[make_document("pdf", text="parola scarabocchio")])
    private = material_builder("Riservato", documents=[make_document("odt", text="parola scarabocchio")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/cerca/", {"q": "scarabocchio"}).content.decode()
    assert draft.title not in html
    assert private.title not in html


def test_a_new_file_in_a_document_is_searchable_without_publishing_the_material_again(material_builder):
    document = make_document("pdf", text="prima versione")
    page = material_builder("Vademecum", documents=[document])
    document.file.save("vademecum-v2.pdf", ContentFile(pdf_bytes("Vademecum", ["seconda versione: pergamena"])))
    document.refresh_from_db()
    assert "pergamena" in document.extracted_text
    assert list(ResourcePage.objects.live().search("pergamena")) == [page]


def test_text_is_extracted_when_the_document_is_saved(material_builder):
    document = make_document("docx", text="Testo della dispensa con città e perché.")
    assert "città e perché" in document.extracted_text
    assert document.file_size and document.file_hash


def test_text_is_not_extracted_again_if_the_file_has_not_changed(monkeypatch):
    document = make_document("odt", text="una volta sola")
    monkeypatch.setattr("resources.models.documents.extract_text", lambda *a, **k: pytest.fail("extracted again"))
    document.title = "Nuovo titolo"
    document.save()


def test_an_encrypted_pdf_is_saved_without_text_and_the_failure_is_logged(caplog):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("Segreto", ["parola nascosta"]))))
    writer.encrypt("una-password")
    out = io.BytesIO()
    writer.write(out)
    with caplog.at_level(logging.WARNING, logger="resources.text_extraction"):
        document = make_document("pdf", data=out.getvalue(), name="cifrato.pdf")
    assert document.pk and document.extracted_text == ""
    assert "cifrato" in caplog.text and "encrypted" in caplog.text


def test_a_damaged_file_saved_outside_the_admin_is_kept_and_the_failure_logged(caplog):
    with caplog.at_level(logging.WARNING, logger="resources.text_extraction"):
        document = make_document("docx", data=b"PK\x03\x04 non un vero docx", name="rotto.docx")
    assert document.pk and document.extracted_text == ""
    assert "rotto" in caplog.text
