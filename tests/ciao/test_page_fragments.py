"""The rendered parts of practice and material pages that list other pages are kept, and never shown stale.

«Pratiche simili in altri ambiti», a material's linked practices and «Altri
materiali sugli stessi temi» are kept under the page cache's generation, which
publishing, unpublishing and view restrictions replace when their transaction
commits: here ``django_capture_on_commit_callbacks`` runs those callbacks, as a
real commit would.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import Theme
from resources.models import ResourceIndexPage, ResourceRelatedPractice
from tests.factories.practices import make_practice, practice_index
from tests.factories.resources import make_material

pytestmark = pytest.mark.django_db

RELATED = "Pratiche simili in altri ambiti"
LINKED = "Buone pratiche collegate"
MORE = "Altri materiali sugli stessi temi"


@pytest.fixture(autouse=True)
def fragments(cache_turned_on):
    return cache_turned_on("FRAGMENT_CACHE_SECONDS", 3600, "template_fragments")


@pytest.fixture(autouse=True)
def without_more_like_this(monkeypatch):
    # Similar practices by shared themes and tags only, so that each test knows which are chosen.
    monkeypatch.setattr("practices.related.more_like_this", lambda page, queryset, limit: [])


@pytest.fixture
def index(home):
    return practice_index(home)


@pytest.fixture
def practice(index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        shown = make_practice(index, title="Orti nel Corsichese", ambito="corsichese", themes=["occupazione"])
        practice = make_practice(index, title="Tirocini a Melegnano", ambito="sud-est-milano", themes=["occupazione"])
    practice.shown = shown
    return practice


def section(client, url, heading):
    """The text of the page from ``heading`` on ("" when the page has no such section)."""
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index(heading) :] if heading in html else ""


def test_a_second_view_shows_the_same_section_without_looking_the_practices_up(client, practice):
    with CaptureQueriesContext(connection) as first:
        kept = client.get(practice.url).content.decode()
    with CaptureQueriesContext(connection) as again:
        assert client.get(practice.url).content.decode() == kept
    assert "Orti nel Corsichese" in kept[kept.index(RELATED) :]
    # The view restrictions, the practices shown and their themes are not asked again.
    assert len(again) <= len(first) - 3, (len(first), len(again))


def test_a_similar_practice_published_elsewhere_shows_at_once(
    client, index, practice, django_capture_on_commit_callbacks
):
    assert "Lavoro nel Paullese" not in section(client, practice.url, RELATED)
    with django_capture_on_commit_callbacks(execute=True):
        make_practice(index, title="Lavoro nel Paullese", ambito="paullese", themes=["occupazione"])
    assert "Lavoro nel Paullese" in section(client, practice.url, RELATED)


def test_a_practice_unpublished_or_made_private_leaves_at_once(client, practice, django_capture_on_commit_callbacks):
    assert "Orti nel Corsichese" in section(client, practice.url, RELATED)
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=practice.shown, restriction_type=PageViewRestriction.LOGIN)
    assert RELATED not in client.get(practice.url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=practice.shown).delete()
    assert "Orti nel Corsichese" in section(client, practice.url, RELATED)
    with django_capture_on_commit_callbacks(execute=True):
        practice.shown.unpublish()
    assert RELATED not in client.get(practice.url).content.decode()


def test_a_new_title_of_a_practice_shown_reads_at_once(client, practice, django_capture_on_commit_callbacks):
    assert "Orti nel Corsichese" in section(client, practice.url, RELATED)
    shown = practice.shown
    shown.title = "Orti condivisi nel Corsichese"
    with django_capture_on_commit_callbacks(execute=True):
        shown.save_revision().publish()
    assert "Orti condivisi nel Corsichese" in section(client, practice.url, RELATED)


def test_a_material_keeps_its_linked_practices_and_more_materials_until_they_change(
    client, home, index, practice, django_capture_on_commit_callbacks
):
    theme = Theme.objects.get(slug="occupazione")
    materials = ensure_child(home, ResourceIndexPage, title="Materiali")[0]
    with django_capture_on_commit_callbacks(execute=True):
        make_material(materials, title="Guida ai tirocini", themes=[theme])
        material = make_material(
            materials,
            title="Schede per i colloqui",
            themes=[theme],
            related_practices=[ResourceRelatedPractice(practice=practice.shown)],
        )
    assert "Orti nel Corsichese" in section(client, material.url, LINKED)
    assert "Guida ai tirocini" in section(client, material.url, MORE)

    with django_capture_on_commit_callbacks(execute=True):
        make_material(materials, title="Il bilancio di competenze", themes=[theme])
        practice.shown.unpublish()
    html = client.get(material.url).content.decode()
    assert LINKED not in html
    assert "Il bilancio di competenze" in html[html.index(MORE) :]


def test_with_the_setting_at_zero_every_view_looks_the_practices_up(client, practice, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get(practice.url)
    with CaptureQueriesContext(connection) as first:
        assert "Orti nel Corsichese" in section(client, practice.url, RELATED)
    with CaptureQueriesContext(connection) as again:
        assert "Orti nel Corsichese" in section(client, practice.url, RELATED)
    assert len(again) == len(first)
