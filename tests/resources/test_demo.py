"""seed_demo: enough real materials, with real files, for every phase of the intervention model."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from resources.demo.data import MATERIALS
from resources.models import ResourceDocument, ResourcePage

pytestmark = pytest.mark.django_db

# The keywords by which the intervention model links materials to its phases.
PHASE_KEYWORDS = {
    "emersione e scouting": ["scouting", "emersione", "mappatura"],
    "accoglienza e assessment": ["accoglienza", "colloquio", "bilancio di competenze"],
    "progetto personalizzato": ["progetto personalizzato", "patto"],
    "capacitazione": ["laboratorio", "corso", "competenze"],
    "tirocini e stage": ["tirocinio", "tirocini", "stage"],
    "occupazione": ["curriculum", "colloquio di lavoro", "imprese"],
    "attivazione della comunità": ["comunità", "volontariato"],
}


@pytest.fixture
def seeded(demo_site, db):
    pass


def public_materials():
    return ResourcePage.objects.live().public()


def test_seeds_16_public_materials_with_real_searchable_files_and_one_private(seeded):
    materials = list(public_materials().prefetch_related("files__document"))
    assert len(materials) >= 16
    for material in materials:
        documents = [f.document for f in material.files.all()]
        assert documents, material.title
        for document in documents:
            assert document.file_size and document.extracted_text, document.title
    extensions = {d.file_extension for d in ResourceDocument.objects.all()}
    assert {"pdf", "docx", "odt"} <= extensions
    assert public_materials().search("fotografia").count() >= 1  # a word only inside a PDF
    private = ResourcePage.objects.get(slug="casi-di-studio-riservati")
    assert PageViewRestriction.objects.filter(page=private).exists()
    assert not public_materials().filter(pk=private.pk).exists()


def test_every_phase_has_at_least_two_materials_named_by_its_keywords(seeded):
    titles = [t.lower() for t in public_materials().values_list("title", flat=True)]
    for phase, keywords in PHASE_KEYWORDS.items():
        matching = [t for t in titles if any(k in t for k in keywords)]
        assert len(matching) >= 2, (phase, matching)


def test_seeding_twice_changes_nothing_and_materials_link_to_demo_practices(seeded):
    from django.apps import apps
    from wagtail.models import Page

    before = (ResourcePage.objects.count(), ResourceDocument.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (ResourcePage.objects.count(), ResourceDocument.objects.count()) == before

    if Page.objects.type(apps.get_model("practices", "PracticePage")).live().exists():
        for material in public_materials().filter(slug__in=[m["slug"] for m in MATERIALS]):
            assert material.related_practices.exists(), material.title
