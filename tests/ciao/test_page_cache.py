"""Pages kept for anonymous visitors: served without SQL, never stale, never someone else's.

The page cache is off in the test settings; the ``page_cache`` fixture turns it
on with an empty cache and a data folder of its own. Changes are made inside
``committed()``: the cache is dropped when the change's transaction commits,
and tests run inside one that never does.
"""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import caches
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ciao.models import SiteSettings, Theme
from tests.factories.practices import make_practice, practice_index

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def page_cache(settings, tmp_path, cache_turned_on):
    settings.DATA_DIR = tmp_path
    cache_turned_on("PAGE_CACHE_SECONDS", 300, "pages")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Make changes as the admin does: what waits for the commit runs at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def practices(home):
    index = practice_index(home)
    practice = make_practice(index, title="Orti condivisi", tags=["orti"])
    return index, practice


def visit(client, url, **headers):
    response = client.get(url, **headers)
    return response, response.content.decode()


# --- hits


@pytest.mark.parametrize("page", ["home page", "listing", "practice", "tag page"])
def test_second_anonymous_visit_is_served_from_the_cache_without_sql(
    client, page_cache, practices, page, django_assert_num_queries
):
    urls = {"home page": "/", "listing": "/buone-pratiche/", "practice": practices[1].url, "tag page": "/tag/orti/"}
    url = urls[page]
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content


def test_first_visit_costs_queries_the_second_none(client, page_cache, practices):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as cold:
        client.get("/buone-pratiche/")
    with CaptureQueriesContext(connection) as cached:
        client.get("/buone-pratiche/")
    assert len(cold) > 5
    assert len(cached) == 0


def test_a_kept_page_keeps_its_security_headers(client, page_cache, practices):
    first = client.get("/buone-pratiche/")
    second = client.get("/buone-pratiche/")
    assert second["X-Cache"] == "hit"
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Type"):
        assert second[header] == first[header]


def test_a_visitor_with_only_the_csrf_cookie_is_still_served_from_the_cache(client, page_cache, practices):
    client.get("/buone-pratiche/")
    client.cookies["csrftoken"] = "a" * 32
    assert client.get("/buone-pratiche/")["X-Cache"] == "hit"


def test_each_filter_of_a_listing_is_kept_apart(client, page_cache, practices):
    client.get("/buone-pratiche/")
    filtered = client.get("/buone-pratiche/?ambito=corsichese")
    assert filtered["X-Cache"] == "miss"
    assert "Orti condivisi" not in filtered.content.decode()


# --- changes show at once


def test_a_published_practice_shows_at_once_on_the_listing_the_home_page_and_its_tag_page(
    client, page_cache, practices, committed
):
    index, _practice = practices
    for url in ("/", "/buone-pratiche/", "/tag/orti/"):
        client.get(url)
    with committed():
        make_practice(index, title="Sportello lavoro", tags=["orti"])
    for url in ("/", "/buone-pratiche/", "/tag/orti/"):
        response, html = visit(client, url)
        assert response["X-Cache"] == "miss", url
        assert "Sportello lavoro" in html, url


def test_a_published_edit_shows_at_once_on_the_detail_page(client, page_cache, practices, committed):
    _index, practice = practices
    client.get(practice.url)
    with committed():
        practice.title = "Orti condivisi in città"
        practice.save_revision().publish()
    assert "Orti condivisi in città" in visit(client, practice.url)[1]


def test_an_unpublished_practice_leaves_its_page_and_the_listing_at_once(client, page_cache, practices, committed):
    _index, practice = practices
    url = practice.url
    for address in (url, "/buone-pratiche/"):
        client.get(address)
    with committed():
        practice.unpublish()
    assert client.get(url).status_code == 404
    assert "Orti condivisi" not in visit(client, "/buone-pratiche/")[1]


def test_a_moved_practice_shows_under_its_new_listing_and_leaves_the_old_one(
    client, page_cache, practices, home, committed
):
    index, practice = practices
    other = practice_index(home, slug="altre-pratiche", title="Altre pratiche")
    old_url = practice.url
    for url in (old_url, "/buone-pratiche/", "/altre-pratiche/"):
        client.get(url)
    with committed():
        practice.move(other, pos="last-child")
    # Wagtail leaves a redirect at the old address.
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"].startswith("/altre-pratiche/")
    assert "Orti condivisi" not in visit(client, "/buone-pratiche/")[1]
    assert "Orti condivisi" in visit(client, "/altre-pratiche/")[1]


def test_a_deleted_practice_leaves_its_page_the_listing_and_its_tag_page(client, page_cache, practices, committed):
    _index, practice = practices
    url = practice.url
    for address in (url, "/buone-pratiche/", "/tag/orti/"):
        client.get(address)
    with committed():
        practice.delete()
    assert client.get(url).status_code == 404
    assert "Orti condivisi" not in visit(client, "/buone-pratiche/")[1]
    assert "Orti condivisi" not in visit(client, "/tag/orti/")[1]


def test_a_renamed_theme_shows_at_once_on_the_practice_page(client, page_cache, practices, committed):
    _index, practice = practices
    client.get(practice.url)
    with committed():
        theme = Theme.objects.get(slug="capacitazione")
        theme.name = "Capacitazione delle persone"
        theme.save()
    assert "Capacitazione delle persone" in visit(client, practice.url)[1]


def test_a_renamed_tag_shows_at_once_on_the_practice_page(client, page_cache, practices, committed):
    from taggit.models import Tag

    _index, practice = practices
    client.get(practice.url)
    with committed():
        tag = Tag.objects.get(slug="orti")
        tag.name = "orti urbani"
        tag.save()
    assert "orti urbani" in visit(client, practice.url)[1]


def test_changed_site_settings_show_at_once_in_every_page_header(client, page_cache, practices, home, committed):
    client.get("/")
    with committed():
        site_settings = SiteSettings.for_site(home.get_site())
        site_settings.organisation_name = "Ente di prova per la cache"
        site_settings.save()
    assert "Ente di prova per la cache" in visit(client, "/")[1]


def test_a_change_rolled_back_leaves_the_kept_pages(client, page_cache, practices, committed):
    from django.db import transaction

    client.get("/buone-pratiche/")
    with committed():
        with pytest.raises(RuntimeError), transaction.atomic():
            Theme.objects.filter(slug="capacitazione").get().save()
            raise RuntimeError
    assert client.get("/buone-pratiche/")["X-Cache"] == "hit"


# --- drafts and private pages


def test_a_draft_never_appears(client, page_cache, practices, committed):
    index, practice = practices
    for url in (practice.url, "/buone-pratiche/"):
        client.get(url)
    with committed():
        practice.title = "Titolo ancora in bozza"
        practice.save_revision()
        make_practice(index, title="Pratica in bozza", publish=False)
    for url in (practice.url, "/buone-pratiche/"):
        html = visit(client, url)[1]
        assert "Titolo ancora in bozza" not in html
        assert "Pratica in bozza" not in html


def test_a_page_made_private_is_no_longer_served_to_anyone_anonymous(client, page_cache, practices, committed):
    _index, practice = practices
    client.get(practice.url)
    with committed():
        PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(practice.url)
    assert response.status_code == 302
    assert "/accedi/" in response["Location"]


def test_a_page_behind_a_password_is_never_kept(client, page_cache, practices):
    _index, practice = practices
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.PASSWORD, password="segreta")
    client.get(practice.url)
    response = client.get(practice.url)
    assert response.status_code == 200
    assert response["X-Cache"] == "miss"
    assert "Orti condivisi" not in response.content.decode()


def test_a_private_page_seen_by_a_member_is_never_kept(client, page_cache, practices):
    from django.test import Client

    from tests.factories.community import make_member

    _index, practice = practices
    PageViewRestriction.objects.create(page=practice, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(make_member().user)
    assert "Orti condivisi" in client.get(practice.url).content.decode()
    anonymous = Client().get(practice.url)
    assert anonymous.status_code == 302
    assert "no-store" in anonymous["Cache-Control"]


# --- who never gets a kept page


def test_a_signed_in_member_never_gets_a_kept_page(client, page_cache, practices):
    from tests.factories.community import make_member

    client.get("/buone-pratiche/")
    client.force_login(make_member().user)
    response = client.get("/buone-pratiche/")
    assert "X-Cache" not in response
    assert response.wsgi_request.user.is_authenticated


def test_a_signed_in_member_never_fills_the_cache(client, page_cache, practices):
    from django.test import Client

    from tests.factories.community import make_member

    client.force_login(make_member().user)
    client.get("/buone-pratiche/")
    client.get("/buone-pratiche/")
    assert Client().get("/buone-pratiche/")["X-Cache"] == "miss"


def test_a_visitor_with_a_session_is_not_served_from_the_cache(client, page_cache, practices):
    client.get("/buone-pratiche/")
    client.cookies["sessionid"] = "qualcosa"
    assert "X-Cache" not in client.get("/buone-pratiche/")


def test_a_request_for_another_host_is_refused_as_without_the_cache(client, page_cache, practices):
    assert client.get("/buone-pratiche/", HTTP_HOST="altro.example.org").status_code == 400


@pytest.mark.parametrize("url", ["/cerca/?q=orti", "/cerca/suggerimenti/?q=ort", "/accedi/", "/segui/"])
def test_search_login_and_following_are_never_looked_up(client, page_cache, practices, url):
    client.get(url)
    assert "X-Cache" not in client.get(url)


def test_the_event_proposal_form_is_never_kept(client, page_cache, home):
    from ciao.demo import ensure_child
    from events.models import EventIndexPage

    index = ensure_child(home, EventIndexPage, title="Eventi", slug="eventi")[0]
    first = client.get(index.url + "proponi/")
    assert first.status_code == 200
    assert "csrfmiddlewaretoken" in first.content.decode()
    second = client.get(index.url + "proponi/")
    assert second["X-Cache"] == "miss"


def test_a_response_that_sets_a_cookie_is_never_kept(client, page_cache, practices, monkeypatch):
    from django.http import HttpResponse

    def serve_with_cookie(self, request, *args, **kwargs):
        response = HttpResponse("con un cookie")
        response.set_cookie("preferenza", "1")
        return response

    _index, practice = practices
    monkeypatch.setattr(type(practice.specific), "serve", serve_with_cookie)
    client.get(practice.url)
    client.cookies.clear()
    assert client.get(practice.url)["X-Cache"] == "miss"


# --- feeds and calendars


def test_a_feed_answers_304_to_a_reader_that_already_has_it(client, practices):
    first = client.get("/buone-pratiche/feed/")
    assert first["ETag"]
    assert "max-age=" in first["Cache-Control"] and "public" in first["Cache-Control"]
    again = client.get("/buone-pratiche/feed/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_a_feed_has_a_new_etag_once_a_practice_is_published(client, practices):
    index, _practice = practices
    before = client.get("/buone-pratiche/feed/")["ETag"]
    make_practice(index, title="Sportello lavoro")
    after = client.get("/buone-pratiche/feed/", HTTP_IF_NONE_MATCH=before)
    assert after.status_code == 200
    assert "Sportello lavoro" in after.content.decode()


def test_a_kept_feed_still_answers_304(client, page_cache, practices):
    etag = client.get("/buone-pratiche/feed/")["ETag"]
    again = client.get("/buone-pratiche/feed/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["X-Cache"] == "hit"


def test_the_events_calendar_answers_304_and_may_be_kept_a_few_minutes(client, home):
    from ciao.demo import ensure_child
    from events.models import EventIndexPage
    from tests.factories.events import make_event

    index = ensure_child(home, EventIndexPage, title="Eventi", slug="eventi")[0]
    make_event(index, "Laboratorio di cucito", timezone.now() + timedelta(days=3))
    first = client.get("/eventi/calendario.ics")
    assert first.status_code == 200
    assert "public" in first["Cache-Control"]
    assert client.get("/eventi/calendario.ics", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_private_calendar_is_never_kept_by_a_shared_cache(client, page_cache):
    from tests.factories.community import make_member

    member = make_member()
    url = f"/area-riservata/calendario/{member.calendar_token}.ics"
    first = client.get(url)
    assert first.status_code == 200
    assert "private" in first["Cache-Control"]
    assert "public" not in first["Cache-Control"]
    assert "X-Cache" not in first
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# --- several processes


def test_a_change_in_another_process_drops_the_pages_this_process_keeps(client, page_cache, practices, tmp_path):
    """Another worker (here a separate Python process on the same data folder) bumps the generation."""
    client.get("/buone-pratiche/")
    assert client.get("/buone-pratiche/")["X-Cache"] == "hit"
    env = {**os.environ, "CIAO_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "ciao.settings"}
    env.pop("REDIS_URL", None)
    subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from ciao.page_cache import invalidate; invalidate()"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    assert client.get("/buone-pratiche/")["X-Cache"] == "miss"


# --- Redis (REDIS_URL)

REDIS_LOCATION = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_page_cache(settings, page_cache):
    """The page cache in Redis, as with REDIS_URL: shared by every worker and machine, token included."""
    import redis

    try:
        redis.Redis.from_url(REDIS_LOCATION, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_LOCATION,
            "KEY_PREFIX": f"test-pages-{os.getpid()}",
        },
    }
    settings.PAGE_CACHE_GENERATION = "cache"
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def test_with_redis_a_second_visit_is_a_hit_and_a_publish_drops_it(client, redis_page_cache, practices, committed):
    index, practice = practices
    client.get(index.url)
    assert client.get(index.url)["X-Cache"] == "hit"
    with committed():
        make_practice(index, title="Sportello lavoro")
    response, html = visit(client, index.url)
    assert response["X-Cache"] == "miss"
    assert "Sportello lavoro" in html


def test_with_redis_the_token_is_in_redis_where_every_machine_reads_it(redis_page_cache, practices, committed):
    from ciao.page_cache import generation

    before = caches["pages"].get(generation.CACHE_KEY) or generation.current()
    with committed():
        make_practice(practices[0], title="Sportello lavoro")
    assert caches["pages"].get(generation.CACHE_KEY) not in (None, before)
    assert not (Path(generation.settings.DATA_DIR) / generation.FILE_NAME).exists()
