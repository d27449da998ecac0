"""Adoptions of practices and questions to pages, for the community's exchange tests."""

import datetime
from decimal import Decimal


def make_adoption(practice, member, ambito="corsichese", status="pubblicata", indicators=(), **fields):
    """An adoption of ``practice`` by ``member``'s organisation in ``ambito`` (a slug or an Ambito)."""
    from ciao.models import Ambito
    from community.models import Adoption, AdoptionIndicator

    ambito = Ambito.objects.get(slug=ambito) if isinstance(ambito, str) else ambito
    values = {
        "kind": Adoption.Kind.ADAPTED,
        "adopted_on": datetime.date(2024, 3, 1),
        "changes": "Tirocini più brevi.",
        "outcome": "È andata bene.",
        "contact": member,
        **fields,
    }
    adoption = Adoption.objects.create(practice=practice, ambito=ambito, submitted_by=member, status=status, **values)
    for name, value, unit, year in indicators:
        AdoptionIndicator.objects.create(adoption=adoption, name=name, value=Decimal(value), unit=unit, year=year)
    return adoption


def make_question(page, asker, text="Come avete trovato le imprese?", answer=None, answered_by=None, **fields):
    """A question on ``page``; with ``answer``, answered by ``answered_by`` (the page's owner by default)."""
    from community.models import Answer, Question

    question = Question.objects.create(page=page, asker=asker, text=text, **fields)
    if answer is not None:
        author = answered_by or page.owner
        Answer.objects.create(question=question, author=author, text=answer, by_redazione=author != page.owner)
    return question
