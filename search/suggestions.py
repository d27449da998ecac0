"""/cerca/suggerimenti/: titles that complete what the visitor is typing, as JSON."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from .query import clean_query

MAX_SUGGESTIONS = 8


@require_GET
def suggestions(request):
    query, _truncated = clean_query(request.GET.get("q", ""))
    items = []
    if len(query) >= 2:
        pages = Page.objects.live().public()
        site = Site.find_for_request(request)
        if site:
            pages = pages.in_site(site)
        for page in pages.specific().autocomplete(query)[:MAX_SUGGESTIONS]:
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
