"""/cerca/: the site search page.

Each search costs a query on the index and a few on the database, so /cerca/
and /cerca/suggerimenti/ count requests per client address (see ``over_rate``):
generous for people, a brake on scripts. The work of one search is bounded too:
200 characters of query, 20 values per facet, 1,000 hits, 100 pages.
"""

import hashlib
import math
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Site

from ciao.accounts import client_ip_address
from ciao.listing import Pagination

from .excerpts import excerpt
from .facets import FACET_ORDER, FacetedHits, selection_from
from .pages import load_specific, reserved_for
from .query import clean_query
from .search_cache import SearchCache
from .site_search import MAX_HITS, find, log_query, newest_pks, promotions
from .synonyms import words_and_synonyms
from .tags import popular_tags

RESULTS_PER_PAGE = 10
FEW_RESULTS = 3
MAX_PAGE = MAX_HITS // RESULTS_PER_PAGE
# The page of results, as on every listing; links made before that say "page".
PAGE_PARAMETER, OLD_PAGE_PARAMETER = "pagina", "page"
# Set by "Cerca invece «…»": the words as typed, not corrected.
EXACT_PARAMETER = "esatta"
RATE_WINDOW = 60  # seconds
_now = time.time  # the clock of the rate windows (tests set it)


def over_rate(request, scope, per_minute):
    """Count this request of the client's address; the seconds to wait if it is over ``per_minute``, else 0.

    A fixed window of one minute in the shared cache (the project's CACHES), keyed
    on :func:`ciao.accounts.client_ip_address` (``X-Forwarded-For`` only as far as our
    own proxies wrote it), hashed: no address is stored. Two workers racing may let
    one request too many through; for a brake that is fine. ``per_minute`` 0: no limit.
    """
    if not per_minute:
        return 0
    now = _now()
    window = int(now // RATE_WINDOW)
    address = client_ip_address(request) or "unknown"
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    key = f"search:rate:{scope}:{digest}:{window}"
    if cache.add(key, 1, RATE_WINDOW * 2):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, RATE_WINDOW * 2)
            count = 1
    if count <= per_minute:
        return 0
    return max(1, math.ceil((window + 1) * RATE_WINDOW - now))


def too_many_searches(request, wait):
    response = TemplateResponse(
        request,
        "discovery/too_many_requests.html",
        {"wait": wait, "per_minute": settings.SEARCH_RATE_PER_MINUTE},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def _page_number(raw):
    """A page number from the URL; anything odd means the first page; never beyond the hits' last page."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(number, MAX_PAGE) if number >= 1 else 1


def requested_page(data):
    """The page number asked for: ``pagina``, or the old ``page`` of links made before it."""
    return _page_number(data.get(PAGE_PARAMETER) or data.get(OLD_PAGE_PARAMETER))


def search(request):
    wait = over_rate(request, "search", settings.SEARCH_RATE_PER_MINUTE)
    if wait:
        return too_many_searches(request, wait)
    site = Site.find_for_request(request)
    user = request.user
    query, truncated = clean_query(request.GET.get("q", ""))
    selection = selection_from(request.GET)
    messages = []
    if truncated:
        messages.append(_("La ricerca era molto lunga: abbiamo usato solo i primi 200 caratteri."))

    context = {"query": query, "messages": messages, "search_query": query}
    if not query and not any(selection.values()):
        context.update(_next_steps(site, user))
        return _respond(request, context)

    exact = bool(request.GET.get(EXACT_PARAMETER))
    searched, suggestion = query, None
    kept = SearchCache(site, user)
    if query:
        found = kept.remembered(
            "found", (query, exact), lambda: find(site, query, correct=not exact, few=FEW_RESULTS, user=user)
        )
        log_query(query)
        searched, suggestion, pks = found.searched, found.suggestion, found.ranking.pks
        if found.corrected(query):
            # "Risultati per «searched». Cerca invece «query»"
            context["corrected_query"] = searched
            context["exact_url"] = "?" + urlencode([("q", query), (EXACT_PARAMETER, "1")])
    else:
        # Browsing by facets alone: newest first.
        pks = kept.remembered("newest", (), lambda: newest_pks(site, user=user))
    chosen = [(name, sorted(set(values))) for name, values in selection.items() if values]
    faceted = kept.remembered("facets", (query, exact, chosen), lambda: FacetedHits(pks, selection))
    if faceted.ignored:
        messages.append(
            _("Alcuni filtri non corrispondono a nessun valore e sono stati ignorati: %(names)s.")
            % {"names": ", ".join(str(n) for n in faceted.ignored)}
        )

    base_params = [("q", query)] if query else []
    if query and exact:
        base_params.append((EXACT_PARAMETER, "1"))
    active = [(name, v) for name in FACET_ORDER for v in sorted(faceted.selection.get(name, ()))]

    def url_without(name, value):
        params = base_params + [(k, v) for k, v in active if (k, v) != (name, value)]
        return "?" + urlencode(params)

    filtered = faceted.filtered_pks()
    paginator = Paginator(filtered, RESULTS_PER_PAGE)
    results_page = paginator.get_page(requested_page(request.GET))
    is_reserved = reserved_for(user).is_reserved if user.is_authenticated else lambda page: False
    marked = words_and_synonyms(searched) if query else None
    facets = faceted.facet_results(url_without)

    context.update(
        {
            "results": [
                {"page": page, "excerpt": found_excerpt, "reserved": is_reserved(page)}
                for page, found_excerpt in _shown(kept, list(results_page.object_list), marked)
            ],
            "reserved_sections": reserved_sections(request, searched) if query else [],
            "results_page": results_page,
            "total": paginator.count,
            "facets": facets,
            "chips": [(f.label, o) for f in facets for o in f.selected],
            "hidden_params": base_params,
            "pagination": Pagination(results_page, base_params + active),  # includes/pagination.html
            "promotions": promotions(site, query, user) if query else [],
            "capped": len(pks) >= MAX_HITS,
            "searched_query": searched,
        }
    )
    if query and suggestion:
        context["did_you_mean"] = suggestion
        context["did_you_mean_url"] = "?" + urlencode([("q", suggestion)])
    if not paginator.count:
        context.update(_next_steps(site, user))
    return _respond(request, context)


def _shown(kept, pks, marked):
    """[(page, excerpt)] of one page of results; no excerpts when ``marked`` (the words to mark) is None.

    An excerpt reads every search field of its page (steps, tags, partners...): the
    excerpts are kept with the query's ranking, and when they were, the pages are
    loaded as cards only.
    """
    if marked is None:
        return [(page, "") for page in load_specific(pks)]
    loaded = []

    def highlighted():
        loaded.extend(load_specific(pks, with_search_fields=True))
        return {page.pk: excerpt(page, marked) for page in loaded}

    excerpts = kept.remembered("excerpts", (marked, pks), highlighted)
    return [(page, excerpts.get(page.pk, "")) for page in loaded or load_specific(pks)]


def _respond(request, context):
    response = TemplateResponse(request, "discovery/search.html", context)
    if request.user.is_authenticated:
        # What a logged-in person finds includes what only they may see.
        response["Cache-Control"] = "private, no-store"
    return response


def _next_steps(site, user):
    """What to offer when there is nothing to show: popular tags and the latest content."""
    return {
        "popular_tags": popular_tags(site, limit=20),
        "latest": load_specific(newest_pks(site, limit=6, user=user)),
    }


def reserved_sections(request, query):
    """What the reserved area finds for a logged-in person (their groups' discussions, documents...).

    Apps offer it through the ``site_search_reserved_sections`` hook: a function of
    ``(request, query)`` returning None or ``{"title", "hits", "total", "more_url"}``,
    each hit ``{"title", "url", "kind", "context", "excerpt"}`` (excerpt: safe HTML).
    """
    if not request.user.is_authenticated:
        return []
    sections = (section(request, query) for section in hooks.get_hooks("site_search_reserved_sections"))
    return [section for section in sections if section]
