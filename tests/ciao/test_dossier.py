import json

import pytest
from wagtail.models import PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import DossierIndexPage, DossierPage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier_index(home):
    return ensure_child(home, DossierIndexPage, title="Dossier tematici", slug="dossier")[0]


def make_dossier(index, linked, **fields):
    body = [
        {"type": "commentary", "value": "<p>Il nostro commento.</p>"},
        {"type": "linked_pages", "value": {"heading": "Da leggere", "pages": [p.pk for p in linked]}},
    ]
    return ensure_child(
        index, DossierPage, title=fields.pop("title", "Lavoro"), summary="In breve.", body=json.dumps(body), **fields
    )[0]


def test_dossier_shows_commentary_and_only_visible_linked_pages(client, home, dossier_index):
    visible = ensure_child(home, StandardPage, title="Pagina visibile")[0]
    draft = ensure_child(home, StandardPage, title="Bozza segreta", publish=False)[0]
    private = ensure_child(home, StandardPage, title="Pagina riservata")[0]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    dossier = make_dossier(dossier_index, [visible, draft, private])

    html = client.get(dossier.url).content.decode()
    assert "Il nostro commento." in html
    assert "Pagina visibile" in html
    assert "Bozza segreta" not in html and "Pagina riservata" not in html


def test_dossier_costs_the_same_queries_whatever_it_links(client, home, dossier_index, django_assert_max_num_queries):
    pages = [ensure_child(home, StandardPage, title=f"Pagina {i}")[0] for i in range(12)]
    few = make_dossier(dossier_index, pages[:2], title="Pochi")
    many = make_dossier(dossier_index, pages, title="Molti")
    client.get(few.url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(few.url)
    with CaptureQueriesContext(connection) as large:
        client.get(many.url)
    assert len(large) == len(small)


def test_featured_dossiers_appear_on_the_home_page(client, home, dossier_index):
    make_dossier(dossier_index, [], title="Dossier in vetrina", featured_on_home=True)
    make_dossier(dossier_index, [], title="Dossier in archivio", featured_on_home=False)
    html = client.get("/").content.decode()
    assert "Dossier in vetrina" in html
    assert "Dossier in archivio" not in html
