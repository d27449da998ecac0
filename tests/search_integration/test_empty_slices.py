"""An empty slice of a search is an empty list, on our backend as on the others.

Whoosh refuses ``limit=0`` ("limit must be >= 1"); a ``[0:0]`` slice (the content
API's ``?limit=0``, a paginator past the end) used to reach it and answer 500.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("window", [(0, 0), (3, 3), (5, 2), (1, 1)])
def test_an_empty_slice_is_an_empty_list(any_backend, publish, window):
    publish("Zibaldone a tutti")
    publish("Zibaldone ancora")
    start, stop = window
    results = Page.objects.live().search("zibaldone")
    assert list(results[start:stop]) == []
    assert results[start:stop].count() == 0
    assert list(results.annotate_score("score")[start:stop]) == []
    assert list(Page.objects.live().order_by("title").search("zibaldone", order_by_relevance=False)[start:stop]) == []


def test_an_empty_slice_asks_whoosh_nothing(whoosh, publish, monkeypatch):
    publish("Zibaldone a tutti")
    from whoosh.searching import Searcher

    monkeypatch.setattr(Searcher, "search", lambda *a, **k: pytest.fail("Whoosh was asked"))
    assert list(Page.objects.live().search("zibaldone")[0:0]) == []


def test_a_slice_that_is_not_empty_still_finds(any_backend, publish):
    publish("Zibaldone a tutti")
    assert [p.title for p in Page.objects.live().search("zibaldone")[0:1]] == ["Zibaldone a tutti"]


@pytest.mark.parametrize("title", ["Documento di prova", "Scheda di prova"])
def test_the_admin_documents_search_works_for_a_formatore(client, whoosh, make_user, title):
    """With no match the admin's paginator slices [0:0]: that was the 500."""
    from resources.models import ResourceDocument

    formatore = make_user("Formatori")
    document = ResourceDocument(title=title, uploaded_by_user=formatore)
    document.file.save("prova.txt", ContentFile(b"Testo di prova"), save=False)
    document.save()
    client.force_login(formatore)
    response = client.get(reverse("wagtaildocs:index"), {"q": "Documento"})
    assert response.status_code == 200
    assert ("Documento di prova" in response.content.decode()) == (title == "Documento di prova")
