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
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Site
from wagtail.search.utils import normalise_query_string

from ciao.accounts import client_ip_address
from ciao.tags import popular_tags

from . import page_extras as extras
from .query import clean_query, looks_personal
from .site_search import (
    FACET_ORDER,
    MAX_HITS,
    FacetedHits,
    load_specific,
    ranked_pks,
    searchable_page_types,
    selection_from,
    visible_pages,
)

RESULTS_PER_PAGE = 10
FEW_RESULTS = 3
MAX_PAGE = MAX_HITS // RESULTS_PER_PAGE
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
        "search/too_many_requests.html",
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


def _promotions(site, query):
    """Editors' picks for this query that a visitor may see, in the editors' order."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [p.page_id for p in picks if p.page_id]
    visible = {p.pk: p for p in visible_pages(site).filter(pk__in=page_ids).specific()} if page_ids else {}
    promoted = []
    for pick in picks:
        if pick.page_id in visible:
            promoted.append({"title": visible[pick.page_id].title, "url": visible[pick.page_id].url,
                             "description": pick.description, "page": visible[pick.page_id]})
        elif not pick.page_id and pick.external_link_url:
            promoted.append({"title": pick.external_link_text or pick.external_link_url,
                             "url": pick.external_link_url, "description": pick.description})
    return promoted


def _log_query(query):
    # Only the words searched, never who searched; and not even those when they
    # look like someone's e-mail, phone number or codice fiscale.
    if not looks_personal(query):
        Query.get(query).add_hit()


def search(request):
    wait = over_rate(request, "search", settings.SEARCH_RATE_PER_MINUTE)
    if wait:
        return too_many_searches(request, wait)
    site = Site.find_for_request(request)
    query, truncated = clean_query(request.GET.get("q", ""))
    selection = selection_from(request.GET)
    messages = []
    if truncated:
        messages.append(_("La ricerca era molto lunga: abbiamo usato solo i primi 200 caratteri."))

    context = {"query": query, "messages": messages, "search_query": query}
    if not query and not any(selection.values()):
        context.update(_next_steps(site))
        return TemplateResponse(request, "search/search.html", context)

    if query:
        pks = ranked_pks(site, query)
        _log_query(query)
    else:
        # Browsing by facets alone: newest first.
        pks = list(
            visible_pages(site).type(*searchable_page_types())
            .order_by("-first_published_at").values_list("pk", flat=True)[:MAX_HITS]
        )
    faceted = FacetedHits(pks, selection)
    if faceted.ignored:
        messages.append(
            _("Alcuni filtri non corrispondono a nessun valore e sono stati ignorati: %(names)s.")
            % {"names": ", ".join(str(n) for n in faceted.ignored)}
        )

    base_params = [("q", query)] if query else []
    active = [(name, v) for name in FACET_ORDER for v in sorted(faceted.selection.get(name, ()))]

    def url_without(name, value):
        params = base_params + [(k, v) for k, v in active if (k, v) != (name, value)]
        return "?" + urlencode(params)

    filtered = faceted.filtered_pks()
    paginator = Paginator(filtered, RESULTS_PER_PAGE)
    results_page = paginator.get_page(_page_number(request.GET.get("page")))
    pages = load_specific(list(results_page.object_list), with_search_fields=bool(query))
    facets = faceted.facet_results(url_without)

    context.update(
        {
            "results": [
                {"page": page, "excerpt": extras.highlight(page, query) if query else ""}
                for page in pages
            ],
            "results_page": results_page,
            "total": paginator.count,
            "facets": facets,
            "chips": [(f.label, o) for f in facets for o in f.selected],
            "hidden_params": base_params,
            "pagination_query": urlencode(base_params + active),
            "promotions": _promotions(site, query) if query else [],
            "capped": len(pks) >= MAX_HITS,
        }
    )
    if query and paginator.count < FEW_RESULTS:
        suggestion = extras.spelling_suggestion(query, visible_pages(site))
        if suggestion and suggestion.lower() != query.lower():
            context["did_you_mean"] = suggestion
            context["did_you_mean_url"] = "?" + urlencode([("q", suggestion)])
    if not paginator.count:
        context.update(_next_steps(site))
    return TemplateResponse(request, "search/search.html", context)


def _next_steps(site):
    """What to offer when there is nothing to show: popular tags and the latest content."""
    latest = list(
        visible_pages(site).type(*searchable_page_types())
        .order_by("-first_published_at").values_list("pk", flat=True)[:6]
    )
    return {"popular_tags": popular_tags(site, limit=20), "latest": load_specific(latest)}
