"""/cerca/suggerimenti/: titles that complete what the visitor is typing, as JSON."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .query import clean_query
from .site_search import run_safely, visible_pages

MAX_SUGGESTIONS = 8


@require_GET
def suggestions(request):
    query, _truncated = clean_query(request.GET.get("q", ""))
    items = []
    if len(query) >= 2:
        pages = visible_pages(Site.find_for_request(request)).specific()
        found = run_safely(lambda text: list(pages.autocomplete(text)[:MAX_SUGGESTIONS]), query)
        for page in found:
            items.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": str(page._meta.verbose_name).capitalize(),
                }
            )
    response = JsonResponse({"query": query, "suggestions": items})
    response["Cache-Control"] = "public, max-age=60"
    return response
