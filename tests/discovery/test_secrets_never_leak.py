"""A secret planted in every non-public state never reaches a visitor, by any endpoint.

The outside review planted tokens in drafts, unpublished, login-, group- and
password-restricted pages, live pages with newer drafts, their files and images,
a citizen's pending proposal and the related items of a public page; 29 of 33
leaked (files, the documents and images API, "forse cercavi"). Here each state
gets its own token; an anonymous visitor then asks every public endpoint, with
each token and with a near miss of it, and downloads every file by its address.
"""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from ciao.demo import ensure_child
from ciao.models import StandardPage
from resources.models import ResourceIndexPage, ResourceRelatedPractice
from tests.factories.practices import make_practice, practice_index
from tests.factories.resources import make_document, make_material

pytestmark = pytest.mark.django_db

VISIBLE = "girasolecanto"  # a live public page: must be found, so the crawl can find things
SECRETS = {
    "draft practice": "alberovento",
    "draft practice's file": "brinacorallo",
    "draft practice's image": "castagnolume",
    "login practice": "dattilofiume",
    "login practice's file": "ederamarmo",
    "group material": "felcearbusto",
    "group material's file": "gelsominoriva",
    "password material": "ibiscoponte",
    "password material's file": "lavandacolle",
    "unpublished material": "mughettovalle",
    "unpublished material's file": "narcisoprato",
    "newer draft of a live material": "oleandrosasso",
    "file added only in that draft": "papaverolago",
    "document in a draft page's body": "quercialuna",
    "proposal": "ranuncolomare",
    "proposer": "salvianebbia",
    "practice a public material links to": "tulipanostella",
}


def said(label):
    """How a secret is written in content: its word, then the word backwards.

    Visitors search for the word (and a near miss of it), never for the word
    backwards: the backwards word in a response is a leak whatever was asked,
    and the word itself is one when the visitor did not type it.
    """
    word = SECRETS[label]
    return f"{word} {word[::-1]}"


def near_miss(word):
    """The word with one letter changed in the middle: what "forse cercavi" would correct."""
    middle = len(word) // 2
    return word[:middle] + ("u" if word[middle] != "u" else "o") + word[middle + 1 :]


def png(name):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (30, 20), "red").save(buffer, "PNG")
    return ImageFile(io.BytesIO(buffer.getvalue()), name=name)


def document(text):
    return make_document("pdf", text=f"Il file contiene le parole {text}.", title=f"Scheda {text}")


@pytest.fixture
def world(home, client):
    from events.models import EventIndexPage

    practices = practice_index(home)
    materials = ensure_child(home, ResourceIndexPage, title="Materiali", slug="materiali")[0]
    events = ensure_child(home, EventIndexPage, title="Eventi", slug="eventi")[0]
    files = []

    def file_of(label):
        doc = document(said(label))
        files.append(doc)
        return doc

    # The visible side: a live public practice and a material with a file.
    make_practice(practices, title=f"Pratica {VISIBLE}", summary=f"Parola {VISIBLE}.", tags=["orti"])
    public_material = make_material(materials, title=f"Materiale {VISIBLE}", documents=[document(VISIBLE)])

    image = get_image_model().objects.create(title=said("draft practice's image"), file=png("segreto.png"))
    make_practice(
        practices,
        title=f"Pratica {said('draft practice')}",
        publish=False,
        image=image,
        summary=said("draft practice"),
        attachments=[(file_of("draft practice's file"), "cc-by")],
        tags=["orti"],
    )
    make_practice(
        practices,
        title=f"Pratica {said('login practice')}",
        private=True,
        summary=said("login practice"),
        attachments=[(file_of("login practice's file"), "cc-by")],
        tags=["orti"],
    )
    group_material = make_material(
        materials, title=f"Materiale {said('group material')}", documents=[file_of("group material's file")]
    )
    restriction = PageViewRestriction.objects.create(page=group_material, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Redazione")])
    password_material = make_material(
        materials, title=f"Materiale {said('password material')}", documents=[file_of("password material's file")]
    )
    PageViewRestriction.objects.create(
        page=password_material, restriction_type=PageViewRestriction.PASSWORD, password="segreta"
    )
    make_material(
        materials,
        title=f"Materiale {said('unpublished material')}",
        documents=[file_of("unpublished material's file")],
    ).unpublish()

    # A live material whose newer draft renames it and adds a file.
    live = make_material(materials, title=f"Materiale {VISIBLE} due")
    live.title = f"Materiale {said('newer draft of a live material')}"
    live.files.add(live.files.model(document=file_of("file added only in that draft")))
    live.save_revision()

    body_document = file_of("document in a draft page's body")
    ensure_child(
        home,
        StandardPage,
        title="Pagina in bozza",
        slug="pagina-in-bozza",
        publish=False,
        body=StreamValue(
            StandardPage.body.field.stream_block,
            [("paragraph", RichText(f'<p><a linktype="document" id="{body_document.pk}">scheda</a></p>'))],
            is_lazy=False,
        ),
    )

    # A public material links to a practice that is only a draft.
    hidden = make_practice(practices, title=f"Pratica {said('practice a public material links to')}", publish=False)
    public_material.related_practices.add(ResourceRelatedPractice(practice=hidden))
    public_material.save_revision().publish()

    proposer = f"Maria {said('proposer')}"
    client.post(
        f"{events.url}proponi/",
        {
            "title": f"Festa {said('proposal')}",
            "description": f"Una festa {said('proposal')}.",
            "start_date": "2030-06-12",
            "start_time": "16:00",
            "end_time": "18:00",
            "end_date": "",
            "comune": "opera",
            "venue": "Parco",
            "address": "Via Roma 1",
            "online_url": "",
            "audience": ["famiglie"],
            "is_free": "1",
            "cost": "",
            "organiser_name": "Genitori",
            "message": "",
            "name": proposer,
            "email": "maria@example.org",
            "phone": "",
            "privacy": "on",
            "sito_web": "",
        },
    )
    return {"files": files, "image": image, "indexes": (practices, materials, events), "live_with_draft": live}


def endpoints(world):
    """(url, the word the visitor typed in it or None)."""
    practices, materials, events = world["indexes"]
    urls = [
        (url, None)
        for url in [
            "/",
            "/sitemap.xml",
            "/tag/",
            "/tag/orti/",
            practices.url,
            practices.url + "feed/",
            materials.url,
            materials.url + "feed/",
            events.url,
            events.url + "feed/",
            events.url + "calendario.ics",
            "/api/v2/pages/?limit=100&fields=*",
            "/api/v2/images/?limit=100",
            "/api/v2/documents/?limit=100",
            "/api/v2/pages/?type=resources.ResourcePage&fields=related_practices&limit=100",
        ]
    ]
    for secret in [*SECRETS.values(), VISIBLE]:
        for word in (secret, near_miss(secret)):
            urls += [
                (url, word)
                for url in (
                    f"/cerca/?q={word}",
                    f"/cerca/suggerimenti/?q={word}",
                    f"/api/v2/pages/?search={word}",
                    f"/api/v2/documents/?search={word}",
                    f"/api/v2/images/?search={word}",
                )
            ]
    return urls


def leaks_in(body, typed):
    body = body.lower()
    return [label for label, secret in SECRETS.items() if secret[::-1] in body or (secret in body and secret != typed)]


def test_an_anonymous_visitor_finds_no_secret_anywhere(client, world):
    client.logout()
    leaks = []
    seen_visible = False
    for url, typed in endpoints(world):
        response = client.get(url)
        assert response.status_code < 500, url
        body = response.content.decode(errors="replace")
        seen_visible = seen_visible or VISIBLE in body.lower()
        leaks += [(label, url) for label in leaks_in(body, typed)]
    assert leaks == []
    assert seen_visible, "the crawl found nothing at all"


def test_no_file_of_a_non_public_page_downloads_and_the_public_one_does(client, world):
    client.logout()
    served = {doc.title: client.get(doc.url).status_code for doc in world["files"]}
    assert {title: status for title, status in served.items() if status == 200} == {}
    assert set(served.values()) <= {302, 404}
    visible = client.get("/api/v2/documents/").json()["items"]
    assert [item["title"] for item in visible] == [f"Scheda {VISIBLE}"]
    assert client.get(f"/api/v2/documents/{world['files'][0].pk}/").status_code == 404
    assert client.get(f"/api/v2/images/{world['image'].pk}/").status_code == 404


def test_files_of_restricted_pages_open_for_whoever_may_see_the_page(client, world, make_user):
    by_secret = {doc.title.removeprefix("Scheda "): doc for doc in world["files"]}
    login_file = by_secret[said("login practice's file")]
    group_file = by_secret[said("group material's file")]
    draft_file = by_secret[said("draft practice's file")]

    assert client.get(login_file.url)["Location"].startswith("/accedi/?next=")
    client.force_login(make_user("Formatori"))
    assert client.get(login_file.url).status_code == 200
    assert client.get(group_file.url).status_code == 403
    assert client.get(draft_file.url).status_code == 404
    client.force_login(make_user("Redazione"))
    assert client.get(group_file.url).status_code == 200
    assert client.get(draft_file.url).status_code == 200  # the redazione previews drafts


def test_the_file_added_only_in_a_draft_becomes_public_when_the_draft_is_published(client, world):
    new_file = next(doc for doc in world["files"] if said("file added only in that draft") in doc.title)
    assert client.get(new_file.url).status_code == 302
    page = world["live_with_draft"]
    page.get_latest_revision().publish()
    assert client.get(new_file.url).status_code == 200
    page.unpublish()
    assert client.get(new_file.url).status_code == 302


def test_development_media_serving_never_reaches_documents(settings):
    import importlib

    from django.urls import Resolver404, clear_url_caches, resolve

    import ciao.urls

    settings.DEBUG = True
    try:
        importlib.reload(ciao.urls)
        clear_url_caches()
        assert resolve("/media/original_images/foto.png", urlconf=ciao.urls)
        with pytest.raises(Resolver404):
            match = resolve("/media/documents/scheda.pdf", urlconf=ciao.urls)
            # Wagtail's page catch-all may resolve it: then it must not be the file server.
            if match.func.__name__ != "serve" or "document_root" not in match.kwargs:
                raise Resolver404
    finally:
        settings.DEBUG = False
        importlib.reload(ciao.urls)
        clear_url_caches()
