"""Materials elsewhere on the site: the home page block, the content API, public document lists."""

import pytest
from wagtail.models import PageViewRestriction

from resources.models import ResourceDocument
from tests.factories.resources import make_document

pytestmark = pytest.mark.django_db


def test_the_home_page_shows_the_newest_materials(client, material_builder):
    for n in range(4):
        material_builder(f"Materiale {n}")
    material_builder("Bozza", publish=False)
    html = client.get("/").content.decode()
    assert "Nuovi materiali" in html
    assert "Materiale 3" in html and "Materiale 1" in html
    assert "Materiale 0" not in html  # three at most
    assert "Bozza" not in html
    assert 'href="/materiali/">Tutti i materiali formativi' in html


def test_the_api_lists_public_materials_with_their_record(client, material_builder):
    document = make_document("odt")
    public = material_builder("Pubblico", licence="cc-by-sa-4.0", kind="toolkit", documents=[document])
    private = material_builder("Riservato")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(
        "/api/v2/pages/", {"type": "resources.ResourcePage", "fields": "licence_name,licence_url,kind_label,files"}
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Pubblico"]
    item = items[0]
    assert item["licence_url"] == "https://creativecommons.org/licenses/by-sa/4.0/deed.it"
    assert item["kind_label"] == "Toolkit"
    assert item["files"][0]["format_label"] == "OpenDocument testo (ODT)"
    assert item["files"][0]["url"] == document.url
    detail = client.get(f"/api/v2/pages/{public.pk}/").json()
    assert detail["summary"] == public.summary


def test_public_documents_leave_out_files_of_draft_and_private_materials_only(material_builder):
    shared, private_only, draft_only, loose = (make_document("pdf", title=t) for t in ["c", "p", "d", "l"])
    material_builder("Pubblico", documents=[shared])
    private = material_builder("Riservato", documents=[shared, private_only])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    material_builder("Bozza", publish=False, documents=[draft_only])
    public_titles = set(ResourceDocument.objects.public().values_list("title", flat=True))
    # A file no live page uses ("l") is public only if the redazione marks it so.
    assert public_titles == {"c"}
