"""Facets: filters on vocabularies and fixed lists, with counts, from validated GET parameters.

A listing declares its facets; :class:`FacetedListing` validates the request's
parameters with a Django form (unknown values are dropped and reported, never
raised), filters the queryset and counts, for every option of every facet, how
many items would match if that option were chosen together with the *other*
active filters (the usual faceted-search semantics: OR within a facet, AND
across facets). It costs one query per facet for the options and one per
facet for the counts, whatever the number of items.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.apps import apps
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .pagination import PAGE_PARAMS
from .querystrings import query_url


@dataclass
class Facet:
    name: str  # the GET parameter
    label: str
    lookup: str  # ORM path compared with the option values, e.g. "themes__slug"
    choices: object  # callable returning [(value, label), ...]
    # Single-choice facets render as radio buttons (e.g. a status).
    multiple: bool = True


def vocabulary_choices(model):
    """The choices of a facet on a vocabulary: (slug, name) of every entry, in the vocabulary's order.

    ``model`` is the vocabulary's class, or its label ("resources.Audience") as a
    ForeignKey takes it: an app's listing module is imported by its models module,
    so it names the app's own vocabularies rather than importing them.
    """

    def choices():
        vocabulary = apps.get_model(model) if isinstance(model, str) else model
        return vocabulary.objects.values_list("slug", "name")

    return choices


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    remove_url: str = ""


@dataclass
class FacetResult:
    facet: Facet
    options: list = field(default_factory=list)

    @property
    def name(self):
        return self.facet.name

    @property
    def label(self):
        return self.facet.label

    @property
    def selected(self):
        return [o for o in self.options if o.selected]


class FacetedListing:
    def __init__(self, queryset, facets, data, extra_fields=None):
        self.base_queryset = queryset
        self.facets = facets
        self._choices = {f.name: [(str(v), str(label)) for v, label in f.choices()] for f in facets}
        self.form = self._build_form(data, extra_fields or {})
        self.form.is_valid()
        self.selected = {f.name: self._clean_values(data, f) for f in facets}
        self.invalid_parameters = self._invalid_parameters(data)

    def _build_form(self, data, extra_fields):
        form_fields = {}
        for facet in self.facets:
            field_class = forms.MultipleChoiceField if facet.multiple else forms.ChoiceField
            form_fields[facet.name] = field_class(label=facet.label, choices=self._choices[facet.name], required=False)
        form_fields.update(extra_fields)
        form_class = type("FacetForm", (forms.Form,), form_fields)
        return form_class(data)

    def _clean_values(self, data, facet):
        known = {value for value, _label in self._choices[facet.name]}
        raw = data.getlist(facet.name) if hasattr(data, "getlist") else data.get(facet.name, [])
        if isinstance(raw, str):
            raw = [raw]
        values = [v for v in dict.fromkeys(raw) if v in known]
        return values if facet.multiple else values[:1]

    def _invalid_parameters(self, data):
        invalid = []
        for facet in self.facets:
            raw = data.getlist(facet.name) if hasattr(data, "getlist") else []
            if any(v and v not in self.selected[facet.name] for v in raw):
                invalid.append(facet.label)
        return invalid

    def _apply(self, queryset, skip=None):
        model = queryset.model
        for facet in self.facets:
            values = self.selected[facet.name]
            if facet.name == skip or not values:
                continue
            # A subquery keeps many-to-many filters from duplicating rows.
            matching = model._default_manager.filter(**{f"{facet.lookup}__in": values}).values("pk")
            queryset = queryset.filter(pk__in=matching)
        return queryset

    def filtered(self):
        return self._apply(self.base_queryset)

    def facet_results(self, base_params=None):
        results = []
        for facet in self.facets:
            queryset = self._apply(self.base_queryset, skip=facet.name)
            counts = dict(
                queryset.order_by()
                .values_list(facet.lookup)
                .annotate(n=Count("pk", distinct=True))
                .values_list(facet.lookup, "n")
            )
            result = FacetResult(facet)
            for value, label in self._choices[facet.name]:
                selected = value in self.selected[facet.name]
                result.options.append(
                    FacetOption(
                        value=value,
                        label=label,
                        count=counts.get(value, 0),
                        selected=selected,
                        remove_url=self.url_without(facet.name, value, base_params) if selected else "",
                    )
                )
            results.append(result)
        return results

    @staticmethod
    def chips(facet_results):
        """(facet label, option) for every selected option, for removable chips."""
        return [(result.label, option) for result in facet_results for option in result.selected]

    def active_params(self):
        return [(f.name, v) for f in self.facets for v in self.selected[f.name]]

    def selected_labels(self):
        """(facet label, option label) of every selected option, as chips name them, without counting."""
        return [
            (facet.label, label)
            for facet in self.facets
            for value, label in self._choices[facet.name]
            if value in self.selected[facet.name]
        ]

    def url_without(self, name, value, base_params=None):
        params = [(k, v) for k, v in (base_params or []) if k not in PAGE_PARAMS]
        params += [(k, v) for k, v in self.active_params() if not (k == name and v == value)]
        return query_url(params)

    def querystring(self, base_params=None):
        """The active filters as a query string, for pagination links."""
        params = [(k, v) for k, v in (base_params or []) if k not in PAGE_PARAMS] + self.active_params()
        return urlencode(params)

    @property
    def messages(self):
        if not self.invalid_parameters:
            return []
        return [
            _("Alcuni filtri non sono validi e sono stati ignorati: %(names)s.")
            % {"names": ", ".join(str(n) for n in self.invalid_parameters)}
        ]
