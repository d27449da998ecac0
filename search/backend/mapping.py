"""From Django model instances to Whoosh documents, and back for filter values.

Like modelsearch's Elasticsearch mapping: one ``Mapping`` per model names the
columns of its ``search_fields`` (their suffixes are ``engine.schema``'s) and
builds the document of an instance. Fields defined on a subclass rather than
on the root model get the subclass's name as a prefix, so two page types may
each have a field called ``body`` without sharing (and mixing the boosts of)
one column.
"""

import datetime
import hashlib
from functools import cache
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.encoding import force_str
from modelsearch.backends.base import get_model_root
from modelsearch.index import (
    AutocompleteField,
    FilterField,
    RelatedFields,
    SearchField,
    get_indexed_models,
)

from ..engine import analysis
from ..engine.schema import ALL_TEXT

INT_TYPES = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "PositiveBigIntegerField",
}
KIND_BY_TYPE = {
    **{name: "int" for name in INT_TYPES},
    "FloatField": "float",
    "DecimalField": "float",
    "DateField": "date",
    "DateTimeField": "datetime",
    "TimeField": "time",
    "BooleanField": "bool",
    "NullBooleanField": "bool",
}
SUFFIX_BY_KIND = {"float": "f", "str": "v"}  # every other kind is stored as an int
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
STRING_MARK = "="  # strings are stored as "=value", so "" is a term too


def model_label(model):
    """The label of ``model`` in the ``ctype`` field: "app_label.modelname"."""
    return model._meta.label_lower


def content_types(model):
    """Labels of ``model`` and of its indexed concrete ancestors."""
    labels = []
    while model is not None:
        labels.append(model_label(model))
        model = model.indexed_get_parent()
    return labels


@cache
def indexed_submodels(model):
    """``model`` and every indexed model that inherits from it."""
    return [m for m in get_indexed_models() if issubclass(m, model)] or [model]


def _target_field(model, field_name):
    """The concrete Django field a filter on ``field_name`` compares against."""
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        return None
    while field.is_relation:
        related = field.related_model
        if related is None:
            return None
        field = related._meta.pk
    return field


class FilterColumn:
    """One ``FilterField`` of a model: its column, and how its values are stored."""

    def __init__(self, model, field, prefix):
        self.field = field
        self.model_field = _target_field(model, field.field_name)
        if "type" in field.kwargs:
            type_name = field.kwargs["type"]
        elif self.model_field is not None:
            type_name = self.model_field.get_internal_type()
        else:
            type_name = "CharField"
        self.kind = KIND_BY_TYPE.get(type_name, "str")
        self.name = f"{prefix}{field.get_attname(model)}__{SUFFIX_BY_KIND.get(self.kind, 'i')}"

    def values(self, value):
        """The stored values for a Python ``value`` (a list; empty for null)."""
        if isinstance(value, (models.Manager, models.QuerySet)):
            value = list(value.all())
        if isinstance(value, (list, tuple, set)):
            items = value
        elif value is None:
            items = []
        else:
            items = [value]
        values = [self.encode(item) for item in items if item is not None]
        # Several values (a many-to-many field) are a set: stored in an order of
        # their own, whatever order the database returned them in.
        return sorted(values) if len(values) > 1 else values

    def encode(self, value):
        """One Python value as stored; raises ValueError/TypeError if it can't be."""
        if isinstance(value, models.Model):
            value = value.pk
        kind = self.kind
        if kind == "datetime" and type(value) is datetime.date:
            value = datetime.datetime.combine(value, datetime.time.min)
        if self.model_field is not None:
            value = self.model_field.to_python(value)
        if kind == "int":
            return int(value)
        if kind == "bool":
            return int(bool(value))
        if kind == "float":
            return float(value)
        if kind == "date":
            if isinstance(value, datetime.datetime):
                value = value.date()
            return value.toordinal()
        if kind == "datetime":
            if not isinstance(value, datetime.datetime):
                value = datetime.datetime.combine(value, datetime.time.min)
            if timezone.is_naive(value):
                if settings.USE_TZ:
                    value = timezone.make_aware(value)
                else:
                    value = value.replace(tzinfo=datetime.UTC)
            delta = value - EPOCH
            return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
        if kind == "time":
            return ((value.hour * 60 + value.minute) * 60 + value.second) * 1_000_000 + value.microsecond
        return STRING_MARK + force_str(value)

    def decode(self, stored):
        """Back from a stored value to the Python value (for facet counts)."""
        kind = self.kind
        if kind == "str":
            return stored[len(STRING_MARK) :] if stored.startswith(STRING_MARK) else stored
        if kind == "bool":
            return bool(stored)
        if kind == "date":
            return datetime.date.fromordinal(stored)
        if kind == "datetime":
            return EPOCH + datetime.timedelta(microseconds=stored)
        if kind == "time":
            seconds, micro = divmod(stored, 1_000_000)
            minutes, second = divmod(seconds, 60)
            hour, minute = divmod(minutes, 60)
            return datetime.time(hour, minute, second, micro)
        return stored


def path_boost(path):
    """The boost of a field reached through ``path``: the product of its steps' boosts."""
    boost = 1.0
    for step in path:
        boost *= float(getattr(step, "boost", None) or 1.0)
    return boost


def _prefix(model, field):
    definition = field.get_definition_model(model)
    root = get_model_root(model)
    if definition is None or definition is root:
        return ""
    return f"{definition._meta.app_label.lower()}_{definition.__name__.lower()}__"


def _text(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "\n".join(_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(_text(item) for item in value.values())
    return force_str(value)


def _related_objects(related, obj):
    try:
        value = related.get_value(obj)
    except FieldDoesNotExist:
        value = getattr(obj, related.field_name, None)
    except ObjectDoesNotExist:
        return []
    if callable(value) and not isinstance(value, models.Manager):
        value = value()
    if value is None:
        return []
    if isinstance(value, (models.Manager, models.QuerySet)):
        return _in_stable_order(value.all())
    if isinstance(value, (list, tuple)):
        return _in_stable_order(value)
    return [value]


def _stable_key(obj):
    sort_order = getattr(obj, "sort_order", None)
    return (
        obj._meta.label_lower,
        sort_order is None,
        sort_order if sort_order is not None else 0,
        obj.pk is None,
        obj.pk if obj.pk is not None else 0,
    )


def _in_stable_order(objs):
    """Related objects in an order of their own, not the order the database returned.

    Without an ORDER BY (tags, many-to-many rows, prefetches) PostgreSQL returns
    rows in whatever order its plan and its heap give, which changes when a row
    is updated or the statistics are: the document, and so its digest, would
    change with it. Children an editor orders (``Orderable``) keep their
    ``sort_order``; everything else goes by primary key.
    """
    objs = list(objs)
    if not all(isinstance(obj, models.Model) for obj in objs):
        return objs
    return sorted(objs, key=_stable_key)


def _fast_getter(model, field):
    """obj -> value of ``field``, like ``field.get_value`` but cheaper for
    plain columns (modelsearch's version asks the app registry every time)."""
    try:
        model_field = model._meta.get_field(field.field_name)
    except FieldDoesNotExist:
        return field.get_value
    if not getattr(model_field, "concrete", False) or hasattr(model_field, "get_searchable_content"):
        return field.get_value
    if model_field.is_relation:
        if not (model_field.many_to_one or model_field.one_to_one):
            return field.get_value
        target = model_field.target_field
        if hasattr(target, "get_searchable_content") or target.is_relation:
            return field.get_value
    return attrgetter(model_field.attname)


_getters = {}


def _get(obj, field):
    key = (obj.__class__, field)
    getter = _getters.get(key)
    if getter is None:
        getter = _getters[key] = _fast_getter(obj.__class__, field)
    return getter(obj)


class Mapping:
    """How instances of one model are written to the index."""

    def __init__(self, model):
        self.model = model
        self.content_types = content_types(model)
        self.search_fields = model.get_search_fields()
        self.text_columns = {}  # column -> (path of fields, SearchField)
        self.prefix_columns = {}
        self.filter_columns = {}  # field_name -> FilterColumn
        for field in self.search_fields:
            prefix = _prefix(model, field)
            if isinstance(field, RelatedFields):
                self._add_related(field, prefix + field.field_name + "__", (field,))
            elif isinstance(field, SearchField):
                self.text_columns[f"{prefix}{field.field_name}__t"] = ((field,), field)
            elif isinstance(field, AutocompleteField):
                self.prefix_columns[f"{prefix}{field.field_name}__p"] = ((field,), field)
            elif isinstance(field, FilterField):
                self.filter_columns[field.field_name] = FilterColumn(model, field, prefix)

    def _add_related(self, related, prefix, path):
        # Filters through relations are answered by the database (see
        # ``query``), so only the text of related objects is indexed.
        for field in related.fields:
            if isinstance(field, RelatedFields):
                self._add_related(field, f"{prefix}{field.field_name}__", path + (field,))
            elif isinstance(field, SearchField):
                self.text_columns[f"{prefix}{field.field_name}__t"] = (path + (field,), field)
            elif isinstance(field, AutocompleteField):
                self.prefix_columns[f"{prefix}{field.field_name}__p"] = (path + (field,), field)

    @staticmethod
    def _text(obj, path):
        """The text of a field reached through ``path`` (relations first)."""
        if len(path) == 1:
            return _text(_get(obj, path[0]))
        objs = [obj]
        for related in path[:-1]:
            objs = [sub for o in objs for sub in _related_objects(related, o)]
        return "\n".join(_text(_get(o, path[-1])) for o in objs)

    def text_boost(self, column):
        path, _field = self.text_columns[column]
        return path_boost(path)

    def texts(self, obj):
        """{text column: text} of ``obj`` (what search and excerpts look at)."""
        texts = {}
        for column, (path, _field) in self.text_columns.items():
            text = self._text(obj, path)
            if text:
                texts[column] = text
        return texts

    def document(self, obj):
        """The fields of ``obj``'s document, for ``writer.update_document``."""
        texts = self.texts(obj)
        doc = {"pk": str(obj.pk), "ctype": self.content_types, **texts}
        if texts:
            doc[ALL_TEXT] = [(text, self.text_boost(column)) for column, text in texts.items()]
        for column, (path, _field) in self.prefix_columns.items():
            text = self._text(obj, path)
            if text:
                doc[column] = text
        nulls = []
        for column in self.filter_columns.values():
            values = column.values(_get(obj, column.field))
            if values:
                doc[column.name] = values
            else:
                nulls.append(column.name)
        doc["nulls"] = nulls
        doc["digest"] = digest(doc)
        return doc


def digest(doc):
    """A short hash of a document's content (``digest`` excluded) and of how its text is analysed.

    With the analysis version in it, ``search_check`` finds every document
    indexed by an older analysis stale, and ``--repair`` re-indexes them.
    """
    content = repr((analysis.VERSION, sorted((k, v) for k, v in doc.items() if k != "digest")))
    return hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=12).digest()


@cache
def mapping_for(model):
    """The (cached) ``Mapping`` of ``model``."""
    return Mapping(model)


def searchable_columns(model, kind="t", field_names=None):
    """[(column, boost)] to search for ``model``: its own and its subclasses'.

    ``kind`` is "t" for search, "p" for autocomplete. With ``field_names``, only
    the columns of those top-level fields of ``model`` itself.
    """
    return _searchable_columns(model, kind, None if field_names is None else tuple(field_names))


@cache
def _searchable_columns(model, kind, field_names):
    found = {}
    for submodel in indexed_submodels(model):
        mapping = mapping_for(submodel)
        columns = mapping.text_columns if kind == "t" else mapping.prefix_columns
        for column, (path, field) in columns.items():
            if field_names is not None and (
                submodel is not model or len(path) > 1 or field.field_name not in field_names
            ):
                continue
            boost = path_boost(path)
            # The queried model's own declaration wins over a subclass's.
            if column not in found or submodel is model:
                found[column] = boost
    return tuple(sorted(found.items()))
