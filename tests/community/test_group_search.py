"""Members find what their groups hold, and nobody else does.

In the site search (/cerca/) a member sees, marked "Riservato", the discussions,
meetings and documents of their groups and the pages restricted to them; in
/area-riservata/cerca/ they search their groups, one or all, the text of shared
files included.
"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.discussions import add_reply, start_thread
from community.models import Meeting, SharedDocument
from tests.factories.community import make_member

pytestmark = pytest.mark.django_db

GROUP_SEARCH = reverse("community:search")


def meeting(group, title, agenda=""):
    return Meeting.objects.create(group=group, title=title, starts_at=timezone.now() + timedelta(days=2), agenda=agenda)


def document(group, title, text):
    shared = SharedDocument(group=group, title=title, text=text)
    shared.file.save("convenzione.txt", ContentFile(text.encode()), save=True)
    return shared


@pytest.fixture
def holdings(group, other_group, member):
    return {
        "meeting": meeting(group, "Incontro con le imprese ospitanti", "Abbinamenti per i tirocini"),
        "thread": start_thread(group, member, "Imprese ospitanti a Rozzano", "Chi conosce imprese ospitanti?"),
        # The word is only in the file's text: the title and the description do not have it.
        "document": document(group, "Modello di convenzione", "Convenzione con le imprese ospitanti, articolo 3."),
        "other": meeting(other_group, "Scuole e imprese ospitanti", "Orientamento"),
    }


def reserved_titles(response):
    return [hit.title for section in response.context["reserved_sections"] for hit in section["hits"]]


def test_a_member_finds_their_groups_meetings_discussions_and_files_in_the_site_search(client, member, holdings):
    client.force_login(member.user)
    response = client.get("/cerca/", {"q": "ospitanti"})
    assert response.status_code == 200
    assert sorted(reserved_titles(response)) == sorted(
        ["Incontro con le imprese ospitanti", "Imprese ospitanti a Rozzano", "Modello di convenzione"]
    )
    html = response.content.decode()
    assert "Nei tuoi gruppi di lavoro" in html and "Riservato" in html
    assert holdings["document"].get_absolute_url() in html
    assert "Scuole e imprese ospitanti" not in html
    assert response["Cache-Control"] == "private, no-store"


def test_others_find_only_their_own_groups_and_anonymous_visitors_nothing(client, outsider, holdings):
    client.force_login(outsider.user)
    assert reserved_titles(client.get("/cerca/", {"q": "ospitanti"})) == ["Scuole e imprese ospitanti"]
    # Naming the other group in the reserved search is refused, and finds nothing of it.
    response = client.get(GROUP_SEARCH, {"q": "ospitanti", "gruppo": "tirocini"})
    assert response.status_code == 200
    assert [hit.title for hit in response.context["hits"]] == ["Scuole e imprese ospitanti"]
    assert "Il filtro è stato ignorato" in response.content.decode()
    client.logout()
    response = client.get("/cerca/", {"q": "ospitanti"})
    assert response.context["reserved_sections"] == []
    assert "ospitanti a Rozzano" not in response.content.decode()
    assert client.get(GROUP_SEARCH, {"q": "ospitanti"})["Location"].startswith("/accedi/")


def test_the_redazione_finds_what_every_group_holds(client, holdings, make_user):
    client.force_login(make_user("Redazione"))
    response = client.get(GROUP_SEARCH, {"q": "ospitanti"})
    assert len(response.context["hits"]) == 4


def test_the_groups_search_reads_the_text_of_shared_files_and_narrows_to_one_group(client, member, holdings):
    client.force_login(member.user)
    response = client.get(GROUP_SEARCH, {"q": "convenzione articolo", "gruppo": "tirocini"})
    hits = response.context["hits"]
    assert [hit.title for hit in hits] == ["Modello di convenzione"]
    assert hits[0].kind == "Documento"
    assert "<mark>articolo</mark>" in response.content.decode()


def test_a_reply_is_found_at_once_and_a_hidden_one_no_more(client, member, holdings):
    client.force_login(member.user)
    post = add_reply(holdings["thread"], member, "Provate la cooperativa Girasole di Opera")
    assert [hit.title for hit in client.get(GROUP_SEARCH, {"q": "girasole"}).context["hits"]] == [
        "Imprese ospitanti a Rozzano"
    ]
    post.hidden_at = timezone.now()
    post.save()
    assert client.get(GROUP_SEARCH, {"q": "girasole"}).context["hits"] == []


@pytest.mark.parametrize("typed", ["\x00ospitanti", "ospitanti " * 60, '"ospitanti', "((( AND", "🙂"])
def test_odd_queries_get_an_answer_never_an_error(client, member, holdings, typed):
    client.force_login(member.user)
    response = client.get(GROUP_SEARCH, {"q": typed})
    assert response.status_code == 200
    assert client.get("/cerca/", {"q": typed}).status_code == 200


def test_the_groups_search_costs_the_same_queries_whatever_it_finds(client, group, member):
    client.force_login(member.user)

    def add_one_of_each(n):
        meeting(group, f"Ospitanti {n}")
        start_thread(group, member, f"Ospitanti discussione {n}", "Testo")
        document(group, f"Ospitanti documento {n}", "Testo")

    add_one_of_each(0)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(GROUP_SEARCH, {"q": "ospitanti"}).status_code == 200
        return len(captured)

    queries()  # warm-up: sessions, content types
    few = queries()
    for n in range(1, 16):
        add_one_of_each(n)
    # At most: a page of 20 hits may hold fewer kinds than the 3 hits before (one query fewer to load them).
    assert queries() <= few


@pytest.fixture
def restricted_pages(home, group):
    from ciao.models import StandardPage

    pages = {}
    for slug, title in [("del-gruppo", "Programma riservato zenzero"), ("per-chi-accede", "Elenco riservato zenzero")]:
        page = StandardPage(title=title, slug=slug, intro="Pagina con zenzero")
        home.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = page
    restriction = PageViewRestriction.objects.create(
        page=pages["del-gruppo"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group.auth_group)
    PageViewRestriction.objects.create(page=pages["per-chi-accede"], restriction_type=PageViewRestriction.LOGIN)
    public = StandardPage(title="Ricette con lo zenzero", slug="pubblica", intro="Zenzero per tutti")
    home.add_child(instance=public)
    public.save_revision().publish()
    return pages


def found(client, query):
    response = client.get("/cerca/", {"q": query})
    return {result["page"].title: result["reserved"] for result in response.context["results"]}


def test_pages_restricted_to_a_group_are_found_by_its_members_marked_reserved(
    client, member, outsider, restricted_pages
):
    client.force_login(member.user)
    assert found(client, "zenzero") == {
        "Programma riservato zenzero": True,
        "Elenco riservato zenzero": True,
        "Ricette con lo zenzero": False,
    }
    client.force_login(outsider.user)
    assert found(client, "zenzero") == {"Elenco riservato zenzero": True, "Ricette con lo zenzero": False}
    client.logout()
    assert found(client, "zenzero") == {"Ricette con lo zenzero": False}


def test_a_typo_suggests_only_words_the_person_may_read(client, outsider, restricted_pages, group):
    page = restricted_pages["del-gruppo"]
    page.intro = "Calendario delle cardamomate"
    page.save_revision().publish()
    client.force_login(outsider.user)
    html = client.get("/cerca/", {"q": "cardamomatte"}).content.decode()
    assert "cardamomate" not in html.replace("cardamomatte", "")
    client.force_login(make_member("altro", groups=[group]).user)
    response = client.get("/cerca/", {"q": "cardamomatte"})
    assert response.context["searched_query"] == "cardamomate"
