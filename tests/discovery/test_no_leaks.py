"""A visitor never sees drafts, private pages, unpublished pages or another site's pages.

One world with, for each content type, a live public item and four hidden ones,
all sharing the same rare word and tag; then every public endpoint is asked.
"""

from datetime import timedelta

import pytest
from wagtail.models import Page, PageViewRestriction, Site

from ciao.demo import ensure_child
from ciao.models import StandardPage
from tests.factories.practices import make_practice, practice_index
from tests.factories.resources import make_material

pytestmark = pytest.mark.django_db

WORD = "zafferano"
TAG = "zafferano"
HIDDEN = ("bozza", "password", "login", "ritirata", "altrosito")


def hide(page, how):
    if how == "password":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="x")
    elif how == "login":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif how == "ritirata":
        page.unpublish()


@pytest.fixture
def world(home, now):
    from ciao.models import Comune
    from events.models import EventIndexPage, EventPage
    from resources.models import ResourceIndexPage

    other_root = Page.get_first_root_node().add_child(instance=StandardPage(title="Altro sito", slug="altro"))
    Site.objects.create(hostname="altro.example.org", root_page=other_root)

    indexes = {
        "practice": {"home": practice_index(home), "altrosito": practice_index(other_root)},
        "material": {
            "home": ensure_child(home, ResourceIndexPage, title="Materiali", slug="materiali")[0],
            "altrosito": ensure_child(other_root, ResourceIndexPage, title="Materiali", slug="materiali")[0],
        },
        "event": {
            "home": ensure_child(home, EventIndexPage, title="Eventi", slug="eventi")[0],
            "altrosito": ensure_child(other_root, EventIndexPage, title="Eventi", slug="eventi")[0],
        },
    }
    start = now + timedelta(days=3)

    def build(kind, label, parent, publish=True):
        title = f"{WORD.capitalize()} {kind} {label}"
        if kind == "practice":
            return make_practice(parent, title=title, summary=f"{WORD} {label}", tags=[TAG], publish=publish)
        if kind == "material":
            return make_material(parent, title=title, summary=f"{WORD} {label}", tags=[TAG], publish=publish)
        page = EventPage(
            title=title,
            slug=f"evento-{label}",
            start=start,
            end=start + timedelta(hours=2),
            summary=f"{WORD} {label}",
            comune=Comune.objects.get(slug="rozzano"),
            venue="Biblioteca",
            live=publish,
        )
        parent.add_child(instance=page)
        page.tags.add(TAG)
        revision = page.save_revision()
        if publish:
            revision.publish()
        return page

    for kind, parents in indexes.items():
        build(kind, "visibile", parents["home"])
        build(kind, "bozza", parents["home"], publish=False)
        for how in ("password", "login", "ritirata"):
            hide(build(kind, how, parents["home"]), how)
        build(kind, "altrosito", parents["altrosito"])
    for how in ("password", "login", "ritirata"):
        hide(ensure_child(home, StandardPage, title=f"{WORD} pagina {how}", intro=WORD)[0], how)
    ensure_child(home, StandardPage, title=f"{WORD} pagina bozza", intro=WORD, publish=False)
    return indexes


def assert_clean(text, where):
    text = text.lower()
    for label in HIDDEN:
        assert f"{WORD} practice {label}" not in text, where
        assert f"{WORD} material {label}" not in text, where
        assert f"{WORD} event {label}" not in text, where
        assert f"{WORD} pagina {label}" not in text, where


def test_every_public_endpoint_shows_only_the_visible_items(client, world):
    home_indexes = {kind: parents["home"] for kind, parents in world.items()}
    endpoints = {
        "search": f"/cerca/?q={WORD}",
        "search by tag": f"/cerca/?tag={TAG}",
        "suggestions": f"/cerca/suggerimenti/?q={WORD[:5]}",
        "tag page": f"/tag/{TAG}/",
        "tag index": "/tag/",
        "home": "/",
        "sitemap": "/sitemap.xml",
        "api": "/api/v2/pages/?limit=100",
        "api search": f"/api/v2/pages/?search={WORD}&limit=100",
        "api practices": "/api/v2/pages/?type=practices.PracticePage&fields=*&limit=100",
        "practice listing": home_indexes["practice"].url,
        "practice feed": home_indexes["practice"].url + "feed/",
        "material listing": home_indexes["material"].url,
        "material feed": home_indexes["material"].url + "feed/",
        "event listing": home_indexes["event"].url,
        "event feed": home_indexes["event"].url + "feed/",
        "calendar": home_indexes["event"].url + "calendario.ics",
    }
    for name, url in endpoints.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        body = response.content.decode()
        assert_clean(body, name)
        if name not in ("tag index", "home", "sitemap", "api", "api practices"):
            assert "visibile" in body.lower(), f"{name} shows nothing at all"


def test_counts_ignore_hidden_items(client, world):
    response = client.get("/cerca/", {"q": WORD})
    assert response.context["total"] == 3 + 0  # the visible practice, material and event
    tag_counts = {o.value: o.count for f in response.context["facets"] if f.name == "tag" for o in f.options}
    assert tag_counts[TAG] == 3
    tag_page = client.get(f"/tag/{TAG}/")
    assert tag_page.context["total"] == 3
    api = client.get("/api/v2/pages/", {"search": WORD, "limit": 100}).json()
    assert api["meta"]["total_count"] == 3
