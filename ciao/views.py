"""The project's own small views: robots.txt and the favicon (search and tag pages: ``discovery``)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_page


@cache_page(60 * 60)
def robots_txt(request):
    return TemplateResponse(request, "robots.txt", content_type="text/plain; charset=utf-8")


def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says.
    return redirect(static("ciao/favicon.svg"), permanent=True)
