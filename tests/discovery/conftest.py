"""Discovery tests make many searches and API calls from one address in little time.

/cerca/, /cerca/suggerimenti/ and the content API count requests per address in
the cache; each test starts with empty counters, so that only the tests about
rate limits meet them.
"""

import pytest


@pytest.fixture(autouse=True)
def empty_rate_counters():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
