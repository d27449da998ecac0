"""/tag/ and /tag/<slug>/: the «argomenti» pages, and which tags are in use.

Tags are shared by every page type (one taggit ``Tag`` table, one through model
per tagged type: :mod:`ciao.tags`); only live, public pages of the visitor's
site count. Renaming and merging tags is the admin's (``ciao/tag_admin.py``).
"""

from collections import Counter
from urllib.parse import urlencode

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from taggit.models import Tag
from wagtail.models import Site

from ciao.tags import through_models

from .facets import FacetedHits, selection_from
from .pages import load_specific, visible_pages

TAG_PAGE_LIMIT = 1000


def popular_tags(site=None, limit=None):
    """Tags of live, public pages, most used first: [{"name", "slug", "count"}].

    One query per tagged page type; drafts and private pages do not count.
    """
    visible = visible_pages(site)
    counts, names = Counter(), {}
    for through in through_models():
        rows = (
            through.objects.filter(content_object_id__in=visible.values("pk"))
            .values_list("tag__slug", "tag__name")
            .annotate(n=Count("content_object_id", distinct=True))
        )
        for slug, name, n in rows:
            counts[slug] += n
            names[slug] = name
    ranked = sorted(counts.items(), key=lambda item: (-item[1], names[item[0]].lower()))
    if limit:
        ranked = ranked[:limit]
    return [{"slug": slug, "name": names[slug], "count": n} for slug, n in ranked]


def tagged_pks(slug, visible):
    """Ids of the ``visible`` pages carrying the tag ``slug``, newest first (one query per tagged type, and one)."""
    pks = []
    for through in through_models():
        pks += list(
            through.objects.filter(tag__slug=slug, content_object_id__in=visible.values("pk")).values_list(
                "content_object_id", flat=True
            )[:TAG_PAGE_LIMIT]
        )
    if not pks:
        return []
    return list(visible.filter(pk__in=pks).order_by("-first_published_at").values_list("pk", flat=True))


def tag_page(request, slug):
    """Everything live and public with this tag, grouped by type, with the search facets."""
    tag = get_object_or_404(Tag, slug=slug)
    pks = tagged_pks(slug, visible_pages(Site.find_for_request(request)))
    if not pks:
        raise Http404
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
        "discovery/tag_page.html",
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
    return TemplateResponse(request, "discovery/tag_index.html", {"tags": tags, "meta_title": "Argomenti"})
