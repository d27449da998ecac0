"""Where practices travelled: their published adoptions in other territories.

Adoptions are recorded and reviewed by the community app, which declares the
reverse relation ``PracticePage.adoptions`` and the queryset's ``public()``
(published adoptions of live, public practices). This module reads them
through that relation and never imports the app: without it, no practice has
travelled.
"""

from collections import Counter

from django.core.exceptions import FieldDoesNotExist


def _adoption_model(practice_model):
    try:
        return practice_model._meta.get_field("adoptions").related_model
    except FieldDoesNotExist:
        return None


def public_adoptions_of(practices):
    """The published adoptions of the practices in the queryset ``practices``, newest first, in one query
    (plus one each for their indicators and target groups)."""
    model = _adoption_model(practices.model)
    if model is None:
        return []
    return list(model.objects.public().filter(practice__in=practices.values("pk")))


def public_adoptions(page):
    """One practice's published adoptions (an empty list without the community app)."""
    if _adoption_model(type(page)) is None:
        return []
    return list(page.adoptions.public())


def transfer_counts(practices):
    """{(from ambito id, to ambito id): number of published adoptions} over ``practices``."""
    model = _adoption_model(practices.model)
    if model is None:
        return Counter()
    pairs = (
        model.objects.public()
        .filter(practice__in=practices.values("pk"))
        .values_list("practice__ambito_id", "ambito_id")
    )
    return Counter(pairs.order_by())
