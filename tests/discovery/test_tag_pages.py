"""/tag/ and /tag/<slug>/: tags in use, and everything live and public that carries one."""

import pytest
from taggit.models import Tag

from ciao.demo import ensure_child
from ciao.models import Ambito
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_tag_page_lists_live_pages_with_the_tag(client, tagged):
    html = client.get("/tag/tirocini/").content.decode()
    assert "Tirocini in Comune" in html and "Stage in azienda" in html


def test_tag_page_of_an_unused_or_unknown_tag_is_404(client, home):
    Tag.objects.create(name="orfana", slug="orfana")
    assert client.get("/tag/orfana/").status_code == 404
    assert client.get("/tag/non-esiste/").status_code == 404


def test_tag_index_lists_tags_in_use_with_their_weight(client, tagged):
    html = client.get("/tag/").content.decode()
    assert 'href="/tag/tirocini/"' in html and 'href="/tag/tirocinio/"' in html
    assert "2 contenuti" in html


def test_tag_page_filters_by_the_other_facets(client, tagged):
    response = client.get("/tag/tirocini/", {"tipo": "practices.practicepage"})
    assert response.status_code == 200
    assert response.context["total"] == 2


def test_tag_page_costs_the_same_queries_whatever_it_lists(client, tagged):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index = tagged[0].get_parent()
    ambiti = list(Ambito.objects.all())

    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/tag/tirocini/")
        return response.context["total"], len(captured)

    client.get("/tag/tirocini/")  # caches warmed (site root, settings)
    few_total, few = queries()
    for n in range(25):
        page = ensure_child(index, PracticePage, title=f"Pratica {n}", summary="-", ambito=ambiti[n % len(ambiti)])[0]
        page.tags.add("tirocini", f"altra-{n}")
        page.save_revision().publish()
    many_total, many = queries()

    assert (few_total, many_total) == (2, 27)
    assert many == few
