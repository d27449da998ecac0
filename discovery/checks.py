"""``manage.py check`` verifies what page types declare for discovery (see :mod:`discovery`)."""

from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from wagtail.models import get_page_models

from .facets import DECLARED_FACETS, facet_lookups, vocabularies


def _model_at_end_of(model, lookup):
    """The model a lookup like ``comune__ambito__slug`` ends on, or None if it does not resolve."""
    *relations, last = lookup.split("__")
    current = model
    try:
        for name in relations:
            current = current._meta.get_field(name).related_model
            if current is None:
                return None
        current._meta.get_field(last)
    except FieldDoesNotExist:
        return None
    return current


@checks.register()
def check_search_facet_lookups(app_configs=None, **kwargs):
    errors = []
    vocabulary_of = vocabularies()
    for model in get_page_models():
        for name, lookup in facet_lookups(model).items():
            label = f"{model._meta.label}.search_facet_lookups"
            if name not in DECLARED_FACETS:
                errors.append(
                    checks.Error(
                        f"{label} names the facet {name!r}, which the site search does not have.",
                        hint=f"Facets a page type may declare: {', '.join(DECLARED_FACETS)}.",
                        obj=model,
                        id="discovery.E001",
                    )
                )
                continue
            vocabulary = vocabulary_of[name]
            if not lookup.endswith("__slug") or _model_at_end_of(model, lookup) is not vocabulary:
                errors.append(
                    checks.Error(
                        f"{label}[{name!r}] = {lookup!r} does not lead to the slug of {vocabulary._meta.label}.",
                        hint="The lookup follows the page type's own fields, e.g. 'themes__slug'.",
                        obj=model,
                        id="discovery.E002",
                    )
                )
    return errors
