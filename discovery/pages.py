"""Which pages a visitor may find, and loading them for display."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index


def visible_pages(site, user=None):
    """Live pages of ``site`` (of every site if None) that this visitor may open.

    Anonymous (or no ``user``): the public ones, all that lists, feeds and tag
    pages ever show. A logged-in user also gets the pages behind the
    restrictions they pass, as Wagtail's page serving decides (see ``Reserved``).
    """
    if user is None or not user.is_authenticated:
        pages = Page.objects.live().public()
    else:
        pages = Page.objects.live().filter(reserved_for(user).visible_q())
    return pages.in_site(site) if site else pages


def reserved_for(user):
    """``Reserved(user)``, worked out once per request (kept on the user object)."""
    reserved = getattr(user, "_discovery_reserved", None)
    if reserved is None:
        reserved = user._discovery_reserved = Reserved(user)
    return reserved


class Reserved:
    """The view restrictions a logged-in ``user`` passes and those they do not.

    The rules of ``BaseViewRestriction.accept_request``: "login" lets in anyone
    logged in, "groups" the users of one of its groups and superusers. A
    password is asked on the page itself, so its pages are never listed.
    """

    def __init__(self, user):
        self.open, self.closed = [], []
        if not user.is_authenticated:
            return
        user_groups = set(user.groups.values_list("pk", flat=True))
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
            if self._passes(restriction, user, user_groups):
                self.open.append(restriction.page.path)
            else:
                self.closed.append(restriction.page)

    @staticmethod
    def _passes(restriction, user, user_groups):
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            return True
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            return user.is_superuser or any(group.pk in user_groups for group in restriction.groups.all())
        return False

    def visible_q(self):
        q = Q()
        for page in self.closed:
            q &= ~Q(path__startswith=page.path)
        return q

    def is_reserved(self, page):
        """Whether ``page``, which the user may see, is hidden from the public."""
        return any(page.path.startswith(path) for path in self.open)


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
