"""seed_demo: realistic practices over every ambito and theme, the CIAO! path, and idempotence."""

import io

import pytest
from django.core.management import call_command
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from ciao.models import Ambito, Theme
from practices.models import InterventionModelPage, PracticeIndicator, PracticePage

pytestmark = pytest.mark.django_db

CIAO_PATH = [
    "Emersione e scouting",
    "Accoglienza e assessment",
    "Progetto personalizzato",
    "Capacitazione: corsi e laboratori",
    "Tirocini e stage",
    "Occupazione",
    "Attivazione della comunità",
]


def seed():
    call_command("seed_demo", stdout=io.StringIO())


def state():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "tags": Tag.objects.count(),
        "indicators": PracticeIndicator.objects.count(),
    }


@pytest.fixture
def seeded(demo_site, db):
    pass


def test_at_least_24_live_practices_over_every_ambito_and_theme(seeded):
    live = PracticePage.objects.live().public()
    assert live.count() >= 24
    assert set(live.values_list("ambito__slug", flat=True)) == set(Ambito.objects.values_list("slug", flat=True))
    assert set(live.values_list("themes__slug", flat=True)) == set(Theme.objects.values_list("slug", flat=True))
    assert not live.filter(indicators__isnull=True).exists()
    assert all(page.steps.count() >= 2 and page.comuni.exists() for page in live)


def test_a_draft_waits_in_the_admin_and_shows_nowhere(client, seeded):
    draft = PracticePage.objects.get(live=False)
    assert draft.owner.username == "operatrice"
    assert draft.title not in client.get("/buone-pratiche/").content.decode()


def test_the_intervention_model_follows_the_ciao_path(client, seeded):
    model = InterventionModelPage.objects.get()
    phases = model.phase_views()
    assert [p.title for p in phases] == CIAO_PATH
    assert all(p.practices for p in phases)
    assert any(p.gaps for p in phases), "the demo shows where an ambito has no practice yet"
    assert client.get(model.url).status_code == 200


def test_running_seed_demo_again_changes_nothing(seeded):
    before = state()
    seed()
    assert state() == before
