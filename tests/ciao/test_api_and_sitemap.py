import pytest
from wagtail.models import Page, PageViewRestriction, Site

from ciao.demo import ensure_child
from ciao.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home):
    other_root = Page.get_first_root_node().add_child(instance=StandardPage(title="Altro sito", slug="altro-sito"))
    Site.objects.create(hostname="altro.example.org", root_page=other_root)
    private = ensure_child(home, StandardPage, title="Riservata ai partner")[0]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return {
        "public": ensure_child(home, StandardPage, title="Chi siamo")[0],
        "draft": ensure_child(home, StandardPage, title="Bozza", publish=False)[0],
        "private": private,
        "other_site": ensure_child(other_root, StandardPage, title="Pagina di un altro sito")[0],
    }


def test_api_lists_only_live_public_pages_of_this_site(client, pages):
    data = client.get("/api/v2/pages/?limit=100").json()
    titles = {item["title"] for item in data["items"]}
    assert "Chi siamo" in titles
    assert not titles & {"Bozza", "Riservata ai partner", "Pagina di un altro sito", "Altro sito"}
    assert data["meta"]["total_count"] == len(data["items"])


def test_api_is_read_only(client, pages):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/pages/{pages['public'].pk}/").status_code == 405


def test_api_refuses_a_draft_by_id(client, pages):
    assert client.get(f"/api/v2/pages/{pages['draft'].pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{pages['private'].pk}/").status_code == 404


def test_api_rejects_unknown_parameters_with_a_400(client, pages):
    response = client.get("/api/v2/pages/?type=non.Esiste")
    assert response.status_code == 400


def test_sitemap_lists_only_live_public_pages(client, pages):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/chi-siamo/" in xml
    for key in ("draft", "private", "other_site"):
        assert pages[key].slug not in xml


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_pages_carry_canonical_and_open_graph(client, pages):
    html = client.get(pages["public"].url).content.decode()
    assert '<link rel="canonical" href="' in html
    assert '<meta property="og:title" content="Chi siamo">' in html
    assert '<meta property="og:locale" content="it_IT">' in html


def test_api_documents_leave_out_files_of_private_materials(client, home):
    from resources.models import ResourceIndexPage
    from tests.factories.resources import make_document, make_material

    index = ensure_child(home, ResourceIndexPage, title="Materiali", slug="materiali")[0]
    make_material(index, title="Pubblico", documents=[make_document(title="File pubblico")])
    private = make_material(index, title="Riservato", documents=[make_document(title="File riservato")])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    titles = {d["title"] for d in client.get("/api/v2/documents/").json()["items"]}
    assert "File pubblico" in titles
    assert "File riservato" not in titles
