import pytest

from tests.factories.practices import practice_index


@pytest.fixture
def index(home):
    return practice_index(home)
