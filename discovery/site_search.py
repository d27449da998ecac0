"""The site search: one search over every page type a visitor may see, through the search backend.

The backend ranks the hits (at most ``MAX_HITS``); :mod:`discovery.facets` then
filters and counts them. Everything here takes the pages the visitor may see (live, this site's, public
or, for a logged-in user, behind a restriction they pass) and never shows
anything else: results, promotions, "forse cercavi".
"""

import logging
import re
from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from search import extras

from .pages import searchable_page_types, visible_pages
from .query import looks_personal
from .ranking import MAX_HITS, STYLES, Ranking, rank

logger = logging.getLogger(__name__)


def _words_only(query):
    return " ".join(re.findall(r"\w+", query))


def run_safely(search, query):
    """Run ``search(query)``; if the backend chokes on the text, retry with its words only.

    Some backends parse the query (SQLite's FTS5 rejects an unbalanced quote);
    a visitor's typing must never become an error page.
    """
    try:
        return search(query)
    except Exception:  # noqa: BLE001 - any backend error: logged, then a simpler query
        logger.warning("Search backend failed on %r; retrying with its words only", query, exc_info=True)
    words = _words_only(query)
    if not words:
        return []
    try:
        return search(words)
    except Exception:  # noqa: BLE001 - a broken index must not break the page: logged, no results
        logger.exception("Search backend failed on %r", words)
        return []


def ranking(site, query, user=None):
    """The ``ranking.Ranking`` of the pages ``user`` may see for ``query``; empty if the backend fails.

    If the backend rejects the query built with synonyms and phrases (some
    backends parse or limit queries), simpler ones are tried: a visitor's
    typing must never become an error page.
    """
    pages = visible_pages(site, user)
    for style in STYLES:
        try:
            return rank(pages, query, style=style)
        except Exception:  # noqa: BLE001 - any backend error: logged, then a simpler query, then nothing
            # Wagtail's database backends reject Boost: expected there, so not a warning.
            level = logging.ERROR if style == STYLES[-1] else logging.INFO
            logger.log(level, "Search backend failed on %r (%s query)", query, style, exc_info=True)
    return Ranking([], [])


@dataclass
class Found:
    """What /cerca/ shows for a query: ``ranking`` of the words ``searched``.

    ``searched`` is the query, or its spelling correction when the query found
    (almost) nothing and the correction finds more; ``suggestion`` is a
    correction offered but not applied.
    """

    ranking: Ranking
    searched: str
    suggestion: str | None = None

    def corrected(self, query):
        return self.searched != query


def find(site, query, correct=True, few=3, user=None):
    """The ``Found`` of ``query`` among what ``user`` may see: with fewer than ``few`` pages
    having every word, the spelling correction's results when ``correct`` and they are more."""
    found = ranking(site, query, user)
    suggestion = did_you_mean(site, query, user) if len(found.full) < few else None
    if suggestion and correct:
        corrected = ranking(site, suggestion, user)
        if len(corrected.full) > len(found.full):
            return Found(corrected, suggestion)
    return Found(found, query, suggestion)


def newest_pks(site, limit=MAX_HITS, user=None):
    """The ids of the newest pages ``user`` may see, of the searchable types (browsing without words)."""
    return list(
        visible_pages(site, user)
        .type(*searchable_page_types())
        .order_by("-first_published_at")
        .values_list("pk", flat=True)[:limit]
    )


def promotions(site, query, user=None):
    """Editors' picks for this query that ``user`` may see, in the editors' order."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [p.page_id for p in picks if p.page_id]
    visible = {p.pk: p for p in visible_pages(site, user).filter(pk__in=page_ids).specific()} if page_ids else {}
    promoted = []
    for pick in picks:
        if pick.page_id in visible:
            promoted.append(
                {
                    "title": visible[pick.page_id].title,
                    "url": visible[pick.page_id].url,
                    "description": pick.description,
                    "page": visible[pick.page_id],
                }
            )
        elif not pick.page_id and pick.external_link_url:
            promoted.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return promoted


def log_query(query):
    """Count the query for the editors' search reports.

    Only the words searched, never who searched; and not even those when they
    look like someone's e-mail, phone number or codice fiscale.
    """
    if not looks_personal(query):
        Query.get(query).add_hit()


def did_you_mean(site, query, user=None):
    """A "forse cercavi" correction made only of words the pages ``user`` may see contain, or None."""
    suggestion = extras.spelling_suggestion(query, queryset=visible_pages(site, user))
    if suggestion and suggestion.lower() != query.lower():
        return suggestion
    return None
