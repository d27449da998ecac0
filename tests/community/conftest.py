"""Fixtures of the reserved area's tests: a group, another group, a member of each.

The builders are in tests/factories/community.py.
"""

import pytest

from tests.factories.community import make_group, make_member


@pytest.fixture
def group(home):
    return make_group(name="Comunità di pratica tirocini", slug="tirocini")


@pytest.fixture
def other_group(db):
    return make_group("Comunità scuola", slug="scuola")


@pytest.fixture
def member(group):
    return make_member("membro", groups=[group])


@pytest.fixture
def outsider(other_group):
    return make_member("esterno", groups=[other_group])
