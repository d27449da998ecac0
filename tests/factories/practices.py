"""Small builders for practices: complete by default, every field overridable."""

import datetime
from decimal import Decimal
from itertools import count

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import Ambito, Organisation, TargetGroup, Theme
from ciao.sample_files import pdf_bytes
from practices.models import PracticeAttachment, PracticeIndexPage, PracticeIndicator, PracticePage, PracticeStep

_numbers = count(1)


def practice_index(home, slug="buone-pratiche", **fields):
    return ensure_child(home, PracticeIndexPage, title=fields.pop("title", "Buone pratiche"), slug=slug, **fields)[0]


def vocab(model, slug):
    return model.objects.get(slug=slug)


def make_practice(
    index,
    title=None,
    ambito="sud-est-milano",
    themes=("capacitazione",),
    targets=("donne",),
    tags=(),
    comuni=None,
    indicators=(("Persone accolte", "12", "persone", 2021),),
    attachments=(),
    publish=True,
    private=False,
    **fields,
):
    """A published practice with every section filled; pass publish=False for a draft."""
    n = next(_numbers)
    slug = fields.pop("slug", None) or f"pratica-{n}"
    ambito = Ambito.objects.get(slug=ambito) if isinstance(ambito, str) else ambito
    comuni = list(ambito.comuni.all()[:1]) if comuni is None else comuni
    values = dict(
        summary=f"Una pratica di prova numero {n}.",
        ambito=ambito,
        start_date=datetime.date(2021, 1, 15),
        lead_organisation=Organisation.objects.get(slug="assemi"),
        contact_name="Giulia Ferri",
        contact_email="giulia.ferri@example.org",
        contact_phone="02 1234 5678",
        context="<p>Il contesto.</p>",
        objectives="<p>Gli obiettivi.</p>",
        results="<p>I risultati.</p>",
        staff="Due educatrici",
        budget=Decimal("12000.00"),
        funding_source="Fondo sociale europeo",
        evidence="<p>Questionari.</p>",
        lessons_learnt="<p>Partire presto.</p>",
        transferability="<p>Serve una rete.</p>",
    )
    values.update(fields)
    page = PracticePage(
        title=title or f"Pratica {n}",
        slug=slug,
        comuni=comuni,
        themes=[vocab(Theme, s) for s in themes],
        target_groups=[vocab(TargetGroup, s) for s in targets],
        steps=[PracticeStep(title="Primo passo", description="Si comincia."), PracticeStep(title="Secondo passo")],
        indicators=[
            PracticeIndicator(name=name, value=Decimal(value), unit=unit, year=year)
            for name, value, unit, year in indicators
        ],
        attachments=[PracticeAttachment(document=doc, licence=licence) for doc, licence in attachments],
        live=False,
        **values,
    )
    page.tags.add(*tags)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    if private:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def make_document(title="Scheda", content=None, name="scheda.pdf"):
    content = content or pdf_bytes(title, ["Una scheda di prova."])
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document
