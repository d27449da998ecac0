"""The intervention model: phases in order, their practices and materials, and where ambiti have gaps."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ciao.demo import ensure_child
from ciao.models import StandardPage
from practices.models import InterventionModelPage
from tests.factories.practices import make_practice

pytestmark = pytest.mark.django_db


def phase(title, practices=(), materials=(), outputs=("Un risultato",)):
    return {
        "type": "phase",
        "value": {
            "title": title,
            "description": f"<p>Che cosa si fa in {title.lower()}.</p>",
            "expected_outputs": list(outputs),
            "practices": [p.pk for p in practices],
            "materials": [m.pk for m in materials],
        },
    }


def make_model(home, phases):
    return ensure_child(home, InterventionModelPage, title="Modello di intervento", phases=json.dumps(phases))[0]


@pytest.fixture
def practices(index):
    return {
        "sud": make_practice(index, title="Antenne", ambito="sud-est-milano"),
        "corsico": make_practice(index, title="Spazio donne", ambito="corsichese"),
        "draft": make_practice(index, title="Bozza", ambito="paullese", publish=False),
        "private": make_practice(index, title="Riservata", ambito="visconteo-sud-milano", private=True),
    }


def test_phases_show_in_order_with_coverage_and_gaps(home, practices):
    model = make_model(
        home,
        [
            phase("Emersione e scouting", [practices["sud"], practices["corsico"]]),
            phase("Tirocini e stage", [practices["sud"], practices["draft"], practices["private"]]),
        ],
    )
    first, second = model.phase_views()
    assert [first.title, second.title] == ["Emersione e scouting", "Tirocini e stage"]
    assert [a.slug for a, _n in first.covered] == ["corsichese", "sud-est-milano"]
    assert [a.slug for a in first.gaps] == ["paullese", "visconteo-sud-milano"]
    # A draft or private practice fills no gap.
    assert [p.title for p in second.practices] == ["Antenne"]
    assert [a.slug for a in second.gaps] == ["corsichese", "paullese", "visconteo-sud-milano"]


def test_the_page_links_visible_practices_and_materials_only(client, home, index, practices):
    material = ensure_child(home, StandardPage, title="Scheda di accoglienza")[0]
    model = make_model(home, [phase("Accoglienza e assessment", [practices["sud"], practices["draft"]], [material])])
    html = client.get(model.url).content.decode()
    assert '<span class="model-phase-number">1.</span> Accoglienza e assessment</h2>' in html
    assert f'href="{practices["sud"].url}"' in html and "Bozza" not in html
    assert f'href="{material.url}"' in html
    assert "Ambiti scoperti" in html and "Paullese" in html
    assert "Un risultato" in html


def test_the_page_costs_the_same_with_two_or_seven_phases(client, home, index, practices):
    few = make_model(home, [phase(f"Fase {n}", [practices["sud"]]) for n in range(2)])
    client.get(few.url)
    with CaptureQueriesContext(connection) as small:
        client.get(few.url)
    more = [make_practice(index, ambito="corsichese") for _ in range(10)]
    few.phases = json.dumps([phase(f"Fase {n}", more + [practices["sud"]]) for n in range(7)])
    few.save_revision().publish()
    client.get(few.url)
    with CaptureQueriesContext(connection) as large:
        client.get(few.url)
    assert len(large) == len(small)


def test_coverage_also_reads_phases_edited_in_the_admin_preview(home, practices):
    from practices.models import PhaseBlock

    block = PhaseBlock()
    value = block.to_python(
        {
            "title": "Occupazione",
            "description": "<p>Lavoro.</p>",
            "expected_outputs": ["Contratti"],
            "practices": [practices["corsico"].pk, practices["draft"].pk],
            "materials": [],
        }
    )
    unsaved = InterventionModelPage(title="Anteprima", phases=[("phase", value)])
    (view,) = unsaved.phase_views()
    assert view.title == "Occupazione" and view.expected_outputs == ["Contratti"]
    assert [p.title for p in view.practices] == ["Spazio donne"]
