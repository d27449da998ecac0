import pytest

from .builders import practice_index


@pytest.fixture
def index(home):
    return practice_index(home)
