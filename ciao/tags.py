"""Tags shared by every page type: one taggit ``Tag`` table, one through model per type."""

from wagtail.models import get_page_models


def tagged_page_models():
    """Page types that carry tags (a ``tags`` ClusterTaggableManager)."""
    return [model for model in get_page_models() if "tags" in {f.name for f in model._meta.get_fields()}]


def pages_tagged(slug, site=None, limit=None):
    """Live, public pages with this tag, grouped by page type: [(model, [pages])]."""
    groups = []
    for model in tagged_page_models():
        pages = model.objects.live().public().filter(tags__slug=slug)
        if site is not None:
            pages = pages.in_site(site)
        pages = list(pages.order_by("-first_published_at")[:limit] if limit else pages.order_by("-first_published_at"))
        if pages:
            groups.append((model, pages))
    return groups

