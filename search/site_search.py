"""The site search: one search over every page type, with facets that combine.

The backend ranks the hits (up to ``MAX_HITS`` of them); facets, counts and
filters are then computed from the database over those hits' ids, so they are
exact, work the same on every search backend, and cost a fixed number of
queries (one per facet and page type that has it), whatever the number of hits.
"""

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models
from wagtail.search import index

from ciao.listing import FacetOption, FacetResult, Facet

logger = logging.getLogger(__name__)

MAX_HITS = 1000

# Facets across page types. A page type takes part in a facet when it has one of
# these fields (first match wins), or declares ``search_facet_lookups`` itself.
FACET_FIELDS = {
    "ambito": ["ambito__slug", "comune__ambito__slug", "comuni__ambito__slug"],
    "tema": ["themes__slug", "theme__slug"],
    "destinatari": ["target_groups__slug", "audience__slug"],
    "tag": ["tags__slug"],
}
FACET_LABELS = {
    "tipo": _("Tipo di contenuto"),
    "ambito": _("Ambito"),
    "tema": _("Tema"),
    "destinatari": _("Destinatari"),
    "tag": _("Etichetta"),
    "anno": _("Anno"),
}
FACET_ORDER = ["tipo", "ambito", "tema", "destinatari", "tag", "anno"]
MAX_TAG_OPTIONS = 15


def _has_path(model, path):
    current = model
    for part in path.split("__")[:-1]:
        try:
            current = current._meta.get_field(part).related_model
        except Exception:  # noqa: BLE001 - the model simply lacks this field
            return False
        if current is None:
            return False
    return True


def facet_lookups(model):
    """{facet name: ORM lookup} for a page type."""
    declared = getattr(model, "search_facet_lookups", None)
    if declared is not None:
        return dict(declared)
    lookups = {}
    for name, candidates in FACET_FIELDS.items():
        for path in candidates:
            if _has_path(model, path):
                lookups[name] = path
                break
    return lookups


def searchable_page_types():
    """Page types a visitor may look for: not the home page, not bare index pages."""
    return [
        m for m in get_page_models()
        if m is not Page and not m._meta.abstract and getattr(m, "show_in_site_search", True)
        and m.__name__ != "HomePage" and not m.__name__.endswith("IndexPage")
    ]


@dataclass
class Hit:
    pk: int
    content_type_id: int
    year: int | None
    values: dict = field(default_factory=lambda: defaultdict(set))


class FacetedHits:
    """The ranked hits of one query, with their facet values, filtered by a selection."""

    def __init__(self, ranked_pks, selection):
        self.selection = {name: set(values) for name, values in selection.items() if values}
        self.types = {ContentType.objects.get_for_model(m).pk: m for m in searchable_page_types()}
        self.hits = self._load(ranked_pks)
        self.labels = self._vocabulary_labels()
        self.ignored = self._drop_unknown_values()

    def _load(self, ranked_pks):
        rows = Page.objects.filter(pk__in=ranked_pks, content_type_id__in=self.types).values_list(
            "pk", "content_type_id", "first_published_at"
        )
        by_pk = {pk: Hit(pk, ct, published.year if published else None) for pk, ct, published in rows}
        for ct, model in self.types.items():
            pks = [h.pk for h in by_pk.values() if h.content_type_id == ct]
            if not pks:
                continue
            for name, lookup in facet_lookups(model).items():
                for pk, value in model.objects.filter(pk__in=pks).values_list("pk", lookup):
                    if value is not None:
                        by_pk[pk].values[name].add(str(value))
        for hit in by_pk.values():
            hit.values["tipo"] = {self.type_key(self.types[hit.content_type_id])}
            if hit.year:
                hit.values["anno"] = {str(hit.year)}
        return [by_pk[pk] for pk in ranked_pks if pk in by_pk]

    @staticmethod
    def type_key(model):
        return f"{model._meta.app_label}.{model.__name__.lower()}"

    def _vocabulary_labels(self):
        from taggit.models import Tag

        from ciao.models import Ambito, TargetGroup, Theme

        labels = {
            "tipo": {self.type_key(m): str(m._meta.verbose_name_plural).capitalize() for m in self.types.values()},
        }
        wanted = defaultdict(set)
        for hit in self.hits:
            for name in ("ambito", "tema", "destinatari", "tag"):
                wanted[name] |= hit.values.get(name, set())
        for name, model in (("ambito", Ambito), ("tema", Theme), ("destinatari", TargetGroup), ("tag", Tag)):
            slugs = wanted[name] | self.selection.get(name, set())
            labels[name] = dict(model.objects.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}
        return labels

    def _drop_unknown_values(self):
        """Forget selected values that name nothing (a mistyped or stale link); report them."""
        ignored = []
        for name, values in list(self.selection.items()):
            if name == "anno":
                known = {v for v in values if v.isdigit() and len(v) == 4}
            else:
                known = values & set(self.labels.get(name, {}))
            if known != values:
                ignored.append(FACET_LABELS[name])
            if known:
                self.selection[name] = known
            else:
                del self.selection[name]
        return ignored

    def _passes(self, hit, skip=None):
        return all(
            hit.values.get(name, set()) & values
            for name, values in self.selection.items()
            if name != skip
        )

    def filtered_pks(self):
        return [h.pk for h in self.hits if self._passes(h)]

    def facet_results(self, remove_url):
        results = []
        for name in FACET_ORDER:
            counts = defaultdict(int)
            for hit in self.hits:
                if self._passes(hit, skip=name):
                    for value in hit.values.get(name, ()):
                        counts[value] += 1
            selected = self.selection.get(name, set())
            values = set(counts) | selected
            if name == "anno":
                ordered = sorted(values, reverse=True)
            else:
                ordered = sorted(values, key=lambda v: (-counts.get(v, 0), self.labels[name].get(v, v).lower()))
            if name == "tag":
                ordered = [v for v in ordered if v in selected] + [v for v in ordered if v not in selected][:MAX_TAG_OPTIONS]
            facet = Facet(name, FACET_LABELS[name], "", choices=lambda: [])
            result = FacetResult(facet)
            for value in ordered:
                label = self.labels.get(name, {}).get(value, value)
                is_selected = value in selected
                result.options.append(
                    FacetOption(value, label, counts.get(value, 0), is_selected,
                                remove_url(name, value) if is_selected else "")
                )
            if result.options:
                results.append(result)
        return results


def visible_pages(site):
    pages = Page.objects.live().public()
    return pages.in_site(site) if site else pages


def _words_only(query):
    return " ".join(re.findall(r"\w+", query))


def run_safely(search, query):
    """Run ``search(query)``; if the backend chokes on the text, retry with its words only.

    Some backends parse the query (SQLite's FTS5 rejects an unbalanced quote);
    a visitor's typing must never become an error page.
    """
    try:
        return search(query)
    except Exception:  # noqa: BLE001 - any backend error; logged, then a simpler query
        logger.warning("Search backend failed on %r; retrying with its words only", query, exc_info=True)
    words = _words_only(query)
    if not words:
        return []
    try:
        return search(words)
    except Exception:  # noqa: BLE001
        logger.exception("Search backend failed on %r", words)
        return []


def ranked_pks(site, query):
    """The ids of the best ``MAX_HITS`` live public pages for the query, best first."""

    def search(text, operator):
        return [page.pk for page in visible_pages(site).search(text, operator=operator)[:MAX_HITS]]

    pks = run_safely(lambda text: search(text, "and"), query)
    if not pks:
        # Nothing has every word: settle for pages with any of them.
        pks = run_safely(lambda text: search(text, "or"), query)
    return pks


def _is_many_to_many(model, name):
    try:
        return model._meta.get_field(name).many_to_many
    except Exception:  # noqa: BLE001 - a property or method, not a field
        return False


def load_specific(pks, with_search_fields=False):
    """Specific pages for these ids, in this order (one query per page type).

    ``with_search_fields`` also loads what their search fields relate to (tags,
    themes, steps...), in one query per relation and type rather than one per page:
    the highlighted excerpts read them.
    """
    if not with_search_fields:
        pages = {p.pk: p for p in Page.objects.filter(pk__in=pks).specific()}
        return [pages[pk] for pk in pks if pk in pages]
    pages = {}
    by_type = defaultdict(list)
    for pk, content_type_id in Page.objects.filter(pk__in=pks).values_list("pk", "content_type_id"):
        by_type[content_type_id].append(pk)
    for content_type_id, type_pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        queryset = model.objects.filter(pk__in=type_pks)
        for search_field in model.get_search_fields():
            if isinstance(search_field, index.RelatedFields):
                if _is_many_to_many(model, search_field.field_name):
                    # modelsearch leaves modelcluster's ParentalManyToManyField out.
                    queryset = queryset.prefetch_related(search_field.field_name)
                else:
                    queryset = search_field.select_on_queryset(queryset)
        pages.update({p.pk: p for p in queryset})
    return [pages[pk] for pk in pks if pk in pages]


def selection_from(data):
    """The facet values asked for in the GET parameters (checked later against real values)."""
    return {name: [v for v in data.getlist(name) if v][:20] for name in FACET_ORDER}
