from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.templatetags.static import static
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_page
from taggit.models import Tag
from wagtail.models import Site

from search.site_search import FacetedHits, load_specific, selection_from, visible_pages

from .tags import popular_tags, tagged_page_models

TAG_PAGE_LIMIT = 1000


def tag_page(request, slug):
    """Everything live and public with this tag, grouped by type, with the search facets."""
    tag = get_object_or_404(Tag, slug=slug)
    site = Site.find_for_request(request)
    visible = visible_pages(site)
    pks = []
    for model in tagged_page_models():
        pks += list(
            model.objects.filter(tags__slug=slug, pk__in=visible.values("pk"))
            .values_list("pk", flat=True)[:TAG_PAGE_LIMIT]
        )
    if not pks:
        raise Http404
    pks = list(visible.filter(pk__in=pks).order_by("-first_published_at").values_list("pk", flat=True))
    selection = selection_from(request.GET)
    selection["tag"] = []  # the tag is the page itself, not a filter to remove
    faceted = FacetedHits(pks, selection)
    active = [(name, v) for name, values in faceted.selection.items() for v in sorted(values)]

    def url_without(name, value):
        return "?" + urlencode([(k, v) for k, v in active if (k, v) != (name, value)])

    facets = [f for f in faceted.facet_results(url_without) if f.name != "tag"]
    pages = load_specific(faceted.filtered_pks())
    groups = {}
    for page in pages:
        groups.setdefault(page.specific_class, []).append(page)
    return TemplateResponse(
        request,
        "ciao/tag_page.html",
        {
            "tag": tag,
            "groups": [(model._meta.verbose_name_plural, items) for model, items in groups.items()],
            "total": len(pages),
            "facets": facets,
            "chips": [(f.label, o) for f in facets for o in f.selected],
            "hidden_params": [],
            "meta_title": tag.name,
        },
    )


def tag_index(request):
    """The «argomenti» page: every tag in use, sized by how much content carries it."""
    tags = popular_tags(Site.find_for_request(request))
    if tags:
        top = tags[0]["count"]
        for tag in tags:
            # Five sizes, so a glance tells the big themes from the small ones.
            tag["size"] = 1 + round(4 * (tag["count"] - 1) / max(top - 1, 1))
    tags.sort(key=lambda t: t["name"].lower())
    return TemplateResponse(request, "ciao/tag_index.html", {"tags": tags, "meta_title": "Argomenti"})


@cache_page(60 * 60)
def robots_txt(request):
    return TemplateResponse(request, "robots.txt", content_type="text/plain; charset=utf-8")


def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says.
    return redirect(static("ciao/favicon.svg"), permanent=True)
