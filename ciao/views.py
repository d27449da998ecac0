from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_page
from django.template.response import TemplateResponse
from taggit.models import Tag
from wagtail.models import Site

from .tags import pages_tagged


def tag_page(request, slug):
    """Everything live and public with this tag, grouped by type."""
    tag = get_object_or_404(Tag, slug=slug)
    groups = pages_tagged(slug, site=Site.find_for_request(request))
    return TemplateResponse(
        request,
        "ciao/tag_page.html",
        {
            "tag": tag,
            "groups": [(model._meta.verbose_name_plural, pages) for model, pages in groups],
            "total": sum(len(pages) for _model, pages in groups),
        },
        status=200 if groups else 404,
    )


@cache_page(60 * 60)
def robots_txt(request):
    return TemplateResponse(request, "robots.txt", content_type="text/plain; charset=utf-8")
