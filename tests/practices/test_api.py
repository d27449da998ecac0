"""Practices in the content API: structured fields with names, and nothing a visitor may not see."""

import json

import pytest

from ciao.demo import ensure_child
from practices.models import InterventionModelPage
from tests.factories.practices import make_practice

pytestmark = pytest.mark.django_db


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def test_a_practice_reads_with_vocabulary_names_indicators_and_steps(client, index):
    page = make_practice(
        index, ambito="paullese", themes=["inclusione"], tags=["orti"], indicators=[("Ortolani", "52", "persone", 2022)]
    )
    data = get(client, f"/api/v2/pages/{page.pk}/")
    assert data["ambito"] == {"name": "Paullese", "slug": "paullese"}
    assert data["themes"] == [{"name": "Inclusione", "slug": "inclusione"}]
    assert data["tags"] == ["orti"]
    assert data["indicators"][0]["name"] == "Ortolani" and data["indicators"][0]["unit"] == "persone"
    assert [s["title"] for s in data["steps"]] == ["Primo passo", "Secondo passo"]
    assert data["status"] == "in-corso"


def test_the_intervention_model_lists_only_visible_practices_with_its_gaps(client, home, index):
    visible = make_practice(index, title="Visibile", ambito="corsichese")
    draft = make_practice(index, title="Bozza", ambito="paullese", publish=False)
    phases = [
        {
            "type": "phase",
            "value": {
                "title": "Occupazione",
                "description": "<p>Lavoro.</p>",
                "expected_outputs": [],
                "practices": [visible.pk, draft.pk],
                "materials": [],
            },
        }
    ]
    model = ensure_child(home, InterventionModelPage, title="Modello", phases=json.dumps(phases))[0]
    (phase,) = get(client, f"/api/v2/pages/{model.pk}/")["phases"]
    assert phase["practices"] == [{"id": visible.pk, "title": "Visibile"}]
    assert [a["slug"] for a in phase["covered"]] == ["corsichese"]
    assert "paullese" in [a["slug"] for a in phase["gaps"]]
