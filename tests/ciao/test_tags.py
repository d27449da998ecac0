import pytest
from django.urls import reverse
from taggit.models import Tag

from ciao.demo import ensure_child
from ciao.models import Ambito
from ciao.roles import OPERATORI, REDAZIONE
from ciao.tags import merge_tags
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged(home):
    index = ensure_child(home, PracticeIndexPage, title="Buone pratiche")[0]
    ambito = Ambito.objects.first()
    first = ensure_child(index, PracticePage, title="Tirocini in Comune", summary="-", ambito=ambito)[0]
    second = ensure_child(index, PracticePage, title="Stage in azienda", summary="-", ambito=ambito)[0]
    first.tags.add("tirocini")
    second.tags.add("tirocinio", "tirocini")
    for page in (first, second):
        page.save_revision().publish()
    return first, second


def test_tag_page_lists_live_pages_with_the_tag(client, tagged):
    html = client.get("/tag/tirocini/").content.decode()
    assert "Tirocini in Comune" in html and "Stage in azienda" in html


def test_tag_page_of_an_unused_or_unknown_tag_is_404(client, home):
    Tag.objects.create(name="orfana", slug="orfana")
    assert client.get("/tag/orfana/").status_code == 404
    assert client.get("/tag/non-esiste/").status_code == 404


def test_merging_moves_every_use_to_the_target_once(tagged):
    first, second = tagged
    target = Tag.objects.get(slug="tirocini")
    count = merge_tags([Tag.objects.get(slug="tirocinio")], target)
    assert count == 1
    assert not Tag.objects.filter(slug="tirocinio").exists()
    fresh = PracticePage.objects.get(pk=second.pk)
    assert list(fresh.tags.values_list("slug", flat=True)) == ["tirocini"]


def test_redazione_merges_tags_in_the_admin(client, make_user, tagged):
    client.force_login(make_user(REDAZIONE))
    response = client.post(
        reverse("ciao_merge_tags"),
        {"sources": [Tag.objects.get(slug="tirocinio").pk], "target": Tag.objects.get(slug="tirocini").pk},
    )
    assert response.status_code == 302
    assert not Tag.objects.filter(slug="tirocinio").exists()


def test_merge_form_explains_an_empty_choice(client, make_user, tagged):
    client.force_login(make_user(REDAZIONE))
    tag = Tag.objects.get(slug="tirocini")
    response = client.post(reverse("ciao_merge_tags"), {"sources": [tag.pk], "target": tag.pk})
    assert response.status_code == 200
    assert "diversa da quella di destinazione" in response.content.decode()


def test_operatori_cannot_merge_tags(client, make_user, tagged):
    client.force_login(make_user(OPERATORI))
    response = client.post(
        reverse("ciao_merge_tags"),
        {"sources": [Tag.objects.get(slug="tirocinio").pk], "target": Tag.objects.get(slug="tirocini").pk},
    )
    assert response.status_code in (302, 403)
    assert Tag.objects.filter(slug="tirocinio").exists()


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
