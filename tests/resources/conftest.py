"""Fixtures for the resources tests; the builders are in tests/factories/resources.py."""

import pytest

from ciao.demo import ensure_child
from resources.models import ResourceIndexPage
from tests.factories.resources import make_material


@pytest.fixture
def resource_index(home):
    return ensure_child(home, ResourceIndexPage, title="Materiali formativi", slug="materiali")[0]


@pytest.fixture
def material_builder(resource_index):
    def build(title="Materiale", **kwargs):
        return make_material(resource_index, title=title, **kwargs)

    return build
