import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import Ambito, HomePageFeaturedItem, StandardPage
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


def add_practices(index, count, start=0):
    ambito = Ambito.objects.first()
    return [
        ensure_child(index, PracticePage, title=f"Pratica {start + i}", summary="Testo.", ambito=ambito)[0]
        for i in range(count)
    ]


def home_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def test_home_page_shows_territories_partners_and_latest_practices(client, home):
    index = ensure_child(home, PracticeIndexPage, title="Buone pratiche", slug="buone-pratiche")[0]
    add_practices(index, 4)
    html = client.get("/").content.decode()
    assert "Visconteo Sud Milano" in html and "Zibido San Giacomo" in html
    assert "Fondazione Somaschi Onlus" in html
    assert "Ultime buone pratiche" in html
    assert "Pratica 3" in html and "Pratica 0" not in html  # the three newest


def test_home_page_costs_the_same_queries_whatever_it_lists(client, home):
    index = ensure_child(home, PracticeIndexPage, title="Buone pratiche", slug="buone-pratiche")[0]
    first = add_practices(index, 1)
    HomePageFeaturedItem.objects.create(home=home, page=first[0], sort_order=0)
    client.get("/")  # warm caches that every page fills once per process
    few = home_queries(client)

    more = add_practices(index, 10, start=1)
    for order, page in enumerate(more[:5], start=1):
        HomePageFeaturedItem.objects.create(home=home, page=page, sort_order=order)
    assert home_queries(client) == few


def test_featured_items_hide_drafts_and_private_pages(client, home):
    index = ensure_child(home, PracticeIndexPage, title="Buone pratiche", slug="buone-pratiche")[0]
    visible, draft, private = add_practices(index, 3)
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for order, page in enumerate([visible, draft, private]):
        HomePageFeaturedItem.objects.create(home=home, page=page, sort_order=order, summary=f"evidenza {order}")
    html = client.get("/").content.decode()
    assert "evidenza 0" in html
    assert "evidenza 1" not in html and "evidenza 2" not in html


def test_standard_page_renders_its_blocks_with_breadcrumb(client, home):
    page = ensure_child(
        home,
        StandardPage,
        title="Chi siamo",
        intro="Chi siamo, in breve.",
        body='[{"type": "heading", "value": {"text": "La rete", "level": "h2"}},'
        ' {"type": "paragraph", "value": "<p>Venti partner.</p>"}]',
    )[0]
    html = client.get(page.url).content.decode()
    assert "<h2>La rete</h2>" in html and "Venti partner." in html
    assert 'aria-current="page">Chi siamo</li>' in html


def test_pages_have_skip_link_landmarks_and_search_box(client, home):
    html = client.get("/").content.decode()
    assert '<html lang="it"' in html
    assert 'href="#main-content"' in html and 'id="main-content"' in html
    assert "<header" in html and "<footer" in html and "<nav" in html
    assert 'role="search"' in html and 'action="/cerca/"' in html
    # Only the small non-bundled script, never Bootstrap Italia's 1 MB bundle.
    assert "bootstrap-italia.bundle" not in html


def test_menu_lists_only_live_public_pages(client, home):
    ensure_child(home, StandardPage, title="Chi siamo", show_in_menus=True)
    secret = ensure_child(home, StandardPage, title="Area riservata ai partner", show_in_menus=True)[0]
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/").content.decode()
    assert "Chi siamo" in html
    assert "Area riservata ai partner" not in html


def test_unknown_page_is_an_italian_404(client, home):
    response = client.get("/non-esiste/")
    assert response.status_code == 404
    assert "Pagina non trovata" in response.content.decode()


def test_admin_login_speaks_italian(client, db):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="it"' in html
    assert "Accedi" in html


def test_default_site_root_is_the_home_page(home):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home.pk
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_views_without_a_page_have_their_own_canonical_address(client, home):
    html = client.get("/cerca/?q=tirocini").content.decode()
    assert '<link rel="canonical" href="http://testserver/cerca/">' in html


def test_a_lost_session_cookie_gets_an_italian_explanation(home):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/cerca/", {"q": "x"})
    assert response.status_code == 403
    assert "Il modulo è scaduto" in response.content.decode()
