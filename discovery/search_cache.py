"""What /cerca/ worked out for a query, kept until something it depends on changes.

Ranking a query (the backend's passes, the spelling correction) and counting
its facets are most of a search's cost, and they are asked for again at once:
the next page of results, a facet ticked and unticked, the words everybody
types. They are kept in the ``search`` cache (shared by the workers when
``REDIS_URL`` is set) under a key made of:

- the page cache's generation (``ciao.page_cache.generation``), replaced by
  every publish, unpublish, move and deletion of a page and every change of a
  vocabulary, tag, document or view restriction: nothing kept outlives them;
- the site, and what the visitor may see: "public" for anonymous visitors,
  else the restricted sections they may *not* open (so a member never gets
  what was worked out for someone with more access, nor the other way);
- the synonym table (the redazione's entries take effect at once);
- the words, and what else shapes the answer (facet selection, exact).

At most ``SEARCH_CACHE_SECONDS`` (0: nothing kept). Each request still counts
its query for the search reports.
"""

import hashlib
import pickle

from django.conf import settings
from django.core.cache import caches

from ciao.page_cache import generation

from . import synonyms
from .pages import reserved_for

CACHE_ALIAS = "search"


def _digest(value):
    return hashlib.sha256(pickle.dumps(value, protocol=4)).hexdigest()[:32]


def _audience(user):
    if user is None or not user.is_authenticated:
        return "public"
    return "closed:" + ",".join(str(page.pk) for page in sorted(reserved_for(user).closed, key=lambda p: p.pk))


class SearchCache:
    """What /cerca/ works out for one request's site and visitor, kept (see the module's docstring).

    The key's context (generation, site, audience, synonyms) is read once per request.
    """

    def __init__(self, site, user):
        self.seconds = settings.SEARCH_CACHE_SECONDS
        if self.seconds:
            self.context = (
                generation.current(),
                site.pk if site else None,
                _audience(user),
                sorted(synonyms.table().items()),
            )

    def remembered(self, kind, parts, compute):
        """``compute()``, or what it returned for the same ``kind`` and ``parts`` since the last change."""
        if not self.seconds:
            return compute()
        cache = caches[CACHE_ALIAS]
        key = f"cerca:{kind}:{_digest((self.context, parts))}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, self.seconds)
        return value
