"""A contributor's admin lists the public site and her own work, nothing else."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from ciao.roles import OPERATORI, REDAZIONE
from tests.factories.practices import make_practice, practice_index
from tests.factories.resources import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home, make_user):
    index = practice_index(home)
    olga, carlo = make_user(OPERATORI), make_user(OPERATORI)
    own_file, others_file, public_file = (make_document("pdf", title=t) for t in ("Mia", "Di Carlo", "Pubblica"))
    own_file.uploaded_by_user = olga
    own_file.save()
    others_file.uploaded_by_user = carlo
    others_file.save()
    pages = {
        "live": make_practice(index, title="Pratica pubblicata", attachments=[(public_file, "cc-by")]),
        "own draft": make_practice(index, title="Bozza di Olga", publish=False, owner=olga),
        "others draft": make_practice(index, title="Bozza di Carlo", publish=False, owner=carlo),
        "restricted": make_practice(index, title="Pratica riservata", private=True),
    }
    return {"index": index, "olga": olga, "carlo": carlo, "pages": pages}


def test_the_explorer_shows_her_the_public_pages_and_her_own_drafts(client, world):
    client.force_login(world["olga"])
    html = client.get(f"/admin/pages/{world['index'].pk}/").content.decode()
    assert "Pratica pubblicata" in html and "Bozza di Olga" in html
    assert "Bozza di Carlo" not in html and "Pratica riservata" not in html


def test_searching_the_admin_finds_no_one_elses_draft(client, world):
    client.force_login(world["olga"])
    for url in ("/admin/pages/search/?q=Bozza", f"/admin/pages/{world['index'].pk}/?q=Bozza"):
        html = client.get(url).content.decode()
        assert "Bozza di Carlo" not in html, url


def test_the_page_chooser_offers_no_one_elses_draft(client, world):
    client.force_login(world["olga"])
    html = client.get(f"/admin/choose-page/{world['index'].pk}/").json()["html"]
    assert "Pratica pubblicata" in html and "Bozza di Carlo" not in html and "Pratica riservata" not in html


def test_the_document_chooser_and_the_admin_api_list_public_files_and_her_own(client, world):
    client.force_login(world["olga"])
    html = client.get("/admin/documents/chooser/").json()["html"]
    assert "Mia" in html and "Pubblica" in html and "Di Carlo" not in html
    listed = {item["title"] for item in client.get("/admin/api/main/documents/").json()["items"]}
    assert listed == {"Mia", "Pubblica"}


def test_the_image_chooser_lists_public_images_and_her_own(client, world):
    import io

    from django.core.files.images import ImageFile

    from tests.ciao.test_image_uploads import png_bytes

    get_image_model().objects.create(
        title="Foto di Carlo", uploaded_by_user=world["carlo"], file=ImageFile(io.BytesIO(png_bytes()), name="c.png")
    )
    client.force_login(world["olga"])
    assert "Foto di Carlo" not in client.get("/admin/images/chooser/").json()["html"]


def test_the_redazione_still_sees_everything(client, world, make_user):
    client.force_login(make_user(REDAZIONE))
    html = client.get(f"/admin/pages/{world['index'].pk}/").content.decode()
    assert "Bozza di Carlo" in html and "Pratica riservata" in html
    assert "Di Carlo" in client.get("/admin/documents/chooser/").json()["html"]


@pytest.mark.parametrize("report", ["site-history", "aging-pages", "workflow", "workflow_tasks", "page-types-usage"])
def test_site_wide_reports_are_the_redazione_s(client, world, make_user, report):
    client.force_login(world["olga"])
    response = client.get(f"/admin/reports/{report}/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.force_login(make_user(REDAZIONE))
    assert client.get(f"/admin/reports/{report}/").status_code == 200


def test_a_restricted_page_she_owns_stays_in_her_list(client, world):
    page = world["pages"]["own draft"]
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(world["olga"])
    assert "Bozza di Olga" in client.get(f"/admin/pages/{world['index'].pk}/").content.decode()
