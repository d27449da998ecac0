"""Which pages a visitor may find, and loading them for display."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, get_page_models
from wagtail.search import index


def visible_pages(site):
    """Live, public pages of ``site`` (of every site if None): all a visitor may ever be shown."""
    pages = Page.objects.live().public()
    return pages.in_site(site) if site else pages


def searchable_page_types():
    """Page types a visitor looks for: all but those declaring ``show_in_site_search = False``."""
    return [
        model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract and getattr(model, "show_in_site_search", True)
    ]


def _is_many_to_many(model, name):
    try:
        return model._meta.get_field(name).many_to_many
    except Exception:  # noqa: BLE001 - a property or method, not a field
        return False


def load_specific(pks, with_search_fields=False):
    """Specific pages for these ids, in this order (one query per page type).

    Each type's ``card_select_related`` (the relations its card reads) come
    in the same query. ``with_search_fields`` also loads what their search
    fields relate to (tags, themes, steps...), in one query per relation and
    type rather than one per page: the highlighted excerpts read them.
    """
    pages = {}
    by_type = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=pks).values_list("pk", "content_type_id"):
        by_type[content_type_id].append(pk)
    for content_type_id, type_pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        queryset = model.objects.filter(pk__in=type_pks).select_related(*getattr(model, "card_select_related", ()))
        if with_search_fields:
            for search_field in model.get_search_fields():
                if isinstance(search_field, index.RelatedFields):
                    if _is_many_to_many(model, search_field.field_name):
                        # modelsearch leaves modelcluster's ParentalManyToManyField out.
                        queryset = queryset.prefetch_related(search_field.field_name)
                    else:
                        queryset = search_field.select_on_queryset(queryset)
        pages.update({p.pk: p for p in queryset})
    return [pages[pk] for pk in pks if pk in pages]
