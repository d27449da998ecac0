"""/cerca/suggerimenti/: titles that complete what the visitor is typing, as JSON."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .pages import visible_pages
from .query import clean_query
from .site_search import run_safely
from .views import over_rate

MAX_SUGGESTIONS = 8


def too_many_suggestions(query, wait):
    message = ngettext(
        "Troppe richieste in poco tempo: riprovi tra %(wait)d secondo.",
        "Troppe richieste in poco tempo: riprovi tra %(wait)d secondi.",
        wait,
    ) % {"wait": wait}
    response = JsonResponse({"query": query, "suggestions": [], "error": message}, status=429)
    response["Retry-After"] = str(wait)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
def suggestions(request):
    query, _truncated = clean_query(request.GET.get("q", ""))
    wait = over_rate(request, "suggestions", settings.SUGGESTIONS_RATE_PER_MINUTE)
    if wait:
        return too_many_suggestions(query, wait)
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
