"""Facets across page types, computed over a list of hits, with exact counts.

The hits come ranked (from the search backend, or newest first); their facet
values and the counts are then read from the database over those hits' ids, so
they are exact, work the same on every search backend, and cost a fixed number
of queries (one per facet and page type that has it), whatever the number of hits.

Every page has ``tipo`` (its page type) and ``anno`` (the year it was first
published). The others come from the page type's own declaration
``search_facet_lookups = {facet name: ORM lookup}`` (see :mod:`discovery`):
discovery never guesses from field names.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ciao.listing import Facet, FacetOption, FacetResult
from search.ids import ids_in

from .pages import searchable_page_types

FACET_LABELS = {
    "tipo": _("Tipo di contenuto"),
    "ambito": _("Ambito"),
    "tema": _("Tema"),
    "destinatari": _("Destinatari"),
    "tag": _("Etichetta"),
    "anno": _("Anno"),
}
FACET_ORDER = ["tipo", "ambito", "tema", "destinatari", "tag", "anno"]
# The facets a page type declares; their values are the slugs of a vocabulary.
DECLARED_FACETS = ("ambito", "tema", "destinatari", "tag")
MAX_TAG_OPTIONS = 15
MAX_VALUES_PER_FACET = 20


def vocabularies():
    """{declared facet: the model whose ``slug`` its values are and whose ``name`` labels them}."""
    from taggit.models import Tag

    from ciao.models import Ambito, TargetGroup, Theme

    return {"ambito": Ambito, "tema": Theme, "destinatari": TargetGroup, "tag": Tag}


def facet_lookups(model):
    """{facet name: ORM lookup} that a page type declares (``search_facet_lookups``); {} if none."""
    return dict(getattr(model, "search_facet_lookups", None) or {})


def selection_from(data):
    """The facet values asked for in the GET parameters (checked later against real values)."""
    # A NUL is in no value (and PostgreSQL refuses it in a query): dropped, the rest of the value kept.
    return {
        name: [v.replace("\x00", "") for v in data.getlist(name) if v.replace("\x00", "")][:MAX_VALUES_PER_FACET]
        for name in FACET_ORDER
    }


@dataclass
class Hit:
    pk: int
    content_type_id: int
    values: dict = field(default_factory=dict)  # {facet: {values}}


class FacetedHits:
    """The ranked hits of one query, with their facet values, filtered by a selection.

    Without a selection every hit passes, and the database counts the facet
    values (a few rows per facet); with one, each hit's values are read, to
    count each facet over the hits the other facets let through.
    """

    def __init__(self, ranked_pks, selection):
        self.selection = {name: set(values) for name, values in selection.items() if values}
        self.types = {ContentType.objects.get_for_model(m).pk: m for m in searchable_page_types()}
        self.hits = self._typed_hits(ranked_pks)
        if self.selection:
            self._load_values()
            self.counts = None  # they depend on the selection: made per facet by facet_results
        else:
            self.counts = self._count_values()
        self.labels = self._vocabulary_labels()
        self.ignored = self._drop_unknown_values()

    def _typed_hits(self, ranked_pks):
        # .order_by(): Page's default order (the tree path) would make every query join and sort for nothing.
        rows = dict(
            Page.objects.filter(ids_in("pk", ranked_pks), content_type_id__in=self.types)
            .order_by()
            .values_list("pk", "content_type_id")
        )
        return [Hit(pk, rows[pk]) for pk in ranked_pks if pk in rows]

    def _pks_by_type(self):
        by_type = defaultdict(list)
        for hit in self.hits:
            by_type[hit.content_type_id].append(hit.pk)
        return by_type

    def _published(self):
        return Page.objects.filter(ids_in("pk", [h.pk for h in self.hits])).order_by()

    def _year_counts(self):
        """{year: hits}, by comparing dates (extracting a year is a Python function call per row on SQLite)."""
        span = self._published().aggregate(first=Min("first_published_at"), last=Max("first_published_at"))
        if span["first"] is None:
            return {}
        first, last = (timezone.localtime(span[end]).year for end in ("first", "last"))
        zone = timezone.get_current_timezone()
        starts = [datetime.datetime(year, 1, 1, tzinfo=zone) for year in range(first, last + 2)]
        counts = self._published().aggregate(
            **{
                str(year): Count("pk", filter=Q(first_published_at__gte=start, first_published_at__lt=end))
                for year, start, end in zip(range(first, last + 1), starts, starts[1:], strict=False)
            }
        )
        return {year: n for year, n in counts.items() if n}

    def _count_values(self):
        """{facet: {value: hits}} over every hit, counted by the database."""
        counts = defaultdict(lambda: defaultdict(int))
        for ct, pks in self._pks_by_type().items():
            model = self.types[ct]
            counts["tipo"][self.type_key(model)] += len(pks)
            for name, lookup in facet_lookups(model).items():
                rows = (
                    model.objects.filter(ids_in("pk", pks))
                    .order_by()
                    .values(lookup)
                    .annotate(n=Count("pk", distinct=True))
                )
                for value, n in rows.values_list(lookup, "n"):
                    if value is not None:
                        counts[name][str(value)] += n
        counts["anno"].update(self._year_counts())
        # Plain dicts: a FacetedHits is kept in the search cache (pickled).
        return {name: dict(values) for name, values in counts.items()}

    def _load_values(self):
        """Fill each hit's facet values (``Hit.values``)."""
        by_pk = {hit.pk: hit for hit in self.hits}
        for ct, pks in self._pks_by_type().items():
            model = self.types[ct]
            for pk in pks:
                by_pk[pk].values["tipo"] = {self.type_key(model)}
            for name, lookup in facet_lookups(model).items():
                for pk, value in model.objects.filter(ids_in("pk", pks)).order_by().values_list("pk", lookup):
                    if value is not None:
                        by_pk[pk].values.setdefault(name, set()).add(str(value))
        for pk, published in self._published().exclude(first_published_at=None).values_list("pk", "first_published_at"):
            by_pk[pk].values["anno"] = {str(timezone.localtime(published).year)}

    @staticmethod
    def type_key(model):
        return f"{model._meta.app_label}.{model.__name__.lower()}"

    def _vocabulary_labels(self):
        labels = {
            "tipo": {self.type_key(m): str(m._meta.verbose_name_plural).capitalize() for m in self.types.values()},
        }
        wanted = defaultdict(set)
        for name in DECLARED_FACETS:
            if self.counts is not None:
                wanted[name] = set(self.counts.get(name, ()))
            else:
                for hit in self.hits:
                    wanted[name] |= hit.values.get(name, set())
        for name, model in vocabularies().items():
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
        return all(hit.values.get(name, set()) & values for name, values in self.selection.items() if name != skip)

    def filtered_pks(self):
        if self.counts is not None:
            return [h.pk for h in self.hits]
        return [h.pk for h in self.hits if self._passes(h)]

    def facet_results(self, remove_url):
        results = []
        for name in FACET_ORDER:
            if self.counts is not None:
                counts = self.counts.get(name, {})
            else:
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
                ordered = [v for v in ordered if v in selected] + [v for v in ordered if v not in selected][
                    :MAX_TAG_OPTIONS
                ]
            facet = Facet(name=name, label=FACET_LABELS[name], lookup="", choices=lambda: [])
            result = FacetResult(facet)
            for value in ordered:
                label = self.labels.get(name, {}).get(value, value)
                is_selected = value in selected
                result.options.append(
                    FacetOption(
                        value, label, counts.get(value, 0), is_selected, remove_url(name, value) if is_selected else ""
                    )
                )
            if result.options:
                results.append(result)
        return results
