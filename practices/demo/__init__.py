"""Demo content: the practice index, 25 practices of the four ambiti, the CIAO! intervention model.

``seed(demo)`` is what ``manage.py seed_demo`` runs; the texts are in ``data``. Every step looks up what exists first (by slug or title), so running
``seed_demo`` again changes nothing.
"""

import datetime
import json
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page

from ciao.demo import ensure_child
from ciao.models import Ambito, Comune, Organisation, TargetGroup, Theme
from ciao.sample_files import pdf_bytes
from practices.models import (
    InterventionModelPage,
    PracticeAttachment,
    PracticeIndexPage,
    PracticeIndicator,
    PracticePage,
    PracticeStep,
)

from .data import all_practices
from .data.model import INTRO, PHASES

# Practices that carry a summary sheet (PDF) as an attachment.
WITH_SUMMARY_SHEET = {
    "antenne-di-quartiere",
    "equipe-multiprofessionale-di-accoglienza",
    "giovani-in-bottega",
    "albo-enti-accreditati-corsichese",
    "tirocini-logistica-assago",
    "italiano-per-il-lavoro-paullo",
}
MODEL_SLUG = "modello-di-intervento"


def seed(demo):
    index, created = ensure_child(
        demo.home,
        PracticeIndexPage,
        title="Buone pratiche",
        slug="buone-pratiche",
        show_in_menus=True,
        intro="<p>Le esperienze degli ambiti di CIAO!, raccontate da chi le ha realizzate.</p>",
    )
    if created:
        demo.log("  + elenco «Buone pratiche»")
    seeded = []
    for spec in all_practices():
        page, created = ensure_practice(index, spec, demo)
        seeded.append((spec, page))
        if created:
            demo.log(f"  + buona pratica «{page.title}»{' (bozza)' if spec.draft else ''}")
    model, created = ensure_intervention_model(demo, seeded)
    if created:
        demo.log("  + «Modello di intervento»")
    demo.defer(link_materials)


def paragraphs(text):
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip())


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def ensure_practice(index, spec, demo):
    existing = index.get_children().filter(slug=spec.slug).first()
    if existing:
        return existing.specific, False
    ambito = Ambito.objects.get(slug=spec.ambito)
    start, end = (datetime.date.fromisoformat(d) if d else None for d in spec.period)
    page = PracticePage(
        title=spec.title,
        slug=spec.slug,
        owner=demo.users.get("operatrice"),
        summary=spec.summary,
        search_description=spec.summary[:250],
        ambito=ambito,
        comuni=list(Comune.objects.filter(slug__in=spec.comuni)),
        start_date=start,
        end_date=end,
        themes=list(Theme.objects.filter(slug__in=spec.themes)),
        target_groups=list(TargetGroup.objects.filter(slug__in=spec.targets)),
        lead_organisation=Organisation.objects.get(slug=spec.lead),
        partner_organisations=list(Organisation.objects.filter(slug__in=spec.partners)),
        contact_name=spec.contact[0],
        contact_email=spec.contact[1],
        contact_phone=spec.contact[2],
        context=paragraphs(spec.context),
        objectives=bullet_list(spec.objectives),
        steps=[PracticeStep(title=title, description=text) for title, text in spec.steps],
        staff=spec.staff,
        budget=Decimal(spec.budget) if spec.budget is not None else None,
        funding_source=spec.funding,
        results=paragraphs(spec.results),
        indicators=[
            PracticeIndicator(name=name, value=Decimal(value), unit=unit, year=year)
            for name, value, unit, year in spec.indicators
        ],
        evidence=paragraphs(spec.evidence),
        lessons_learnt=paragraphs(spec.lessons),
        transferability=paragraphs(spec.transfer),
        live=False,
    )
    if spec.slug in WITH_SUMMARY_SHEET:
        page.attachments = [PracticeAttachment(document=summary_sheet(spec), licence="CC-BY-4.0")]
    page.tags.add(*spec.tags)
    index.add_child(instance=page)
    revision = page.save_revision(user=page.owner, log_action=False)
    if spec.draft:
        return page, True
    revision.publish(user=demo.users.get("redazione"), log_action=False)
    # Publication dates follow the practices' history, so "newest first" reads naturally.
    published = timezone.make_aware(datetime.datetime.combine(start + datetime.timedelta(days=75), datetime.time(10)))
    PracticePage.objects.filter(pk=page.pk).update(first_published_at=published, last_published_at=published)
    page.refresh_from_db()
    return page, True


def summary_sheet(spec):
    Document = get_document_model()
    title = f"Scheda di sintesi – {spec.title}"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        text = [
            spec.summary,
            "Contesto. " + spec.context,
            "Risultati. " + spec.results,
            "Per ripeterla. " + spec.transfer,
        ]
        document.file.save(f"scheda-{spec.slug}.pdf", ContentFile(pdf_bytes(spec.title, text)), save=False)
        document.save()
        document.file.close()
    return document


def ensure_intervention_model(demo, seeded):
    phases = [
        {
            "type": "phase",
            "value": {
                "title": title,
                "description": paragraphs(description),
                "expected_outputs": outputs,
                "practices": [page.pk for spec, page in seeded if key in spec.phases and page.live],
                "materials": [],
            },
        }
        for key, title, description, outputs, _words in PHASES
    ]
    return ensure_child(
        demo.home,
        InterventionModelPage,
        title="Modello di intervento",
        slug=MODEL_SLUG,
        show_in_menus=True,
        intro=INTRO,
        search_description="Il percorso di CIAO!, fase per fase, con le buone pratiche degli ambiti e i materiali per ripeterlo.",
        phases=json.dumps(phases),
    )


def link_materials(demo):
    """Once the materials exist: link each phase to those whose title speaks of it (first run only)."""
    model = InterventionModelPage.objects.filter(slug=MODEL_SLUG).first()
    if model is None or any(_materials(block) for block in model.phases.raw_data):
        return
    resource_type = ContentType.objects.filter(app_label="resources", model="resourcepage").first()
    if resource_type is None:
        return
    materials = list(Page.objects.live().public().filter(content_type=resource_type).values_list("pk", "title"))
    raw = list(model.phases.raw_data)
    changed = False
    for block, (_key, _title, _description, _outputs, words) in zip(raw, PHASES, strict=False):
        found = [pk for pk, title in materials if any(word in title.lower() for word in words)][:3]
        if found:
            block["value"]["materials"] = found
            changed = True
    if changed:
        model.phases = json.dumps(raw)
        model.save_revision(log_action=False).publish(log_action=False)
        demo.log("  + materiali collegati alle fasi del modello di intervento")


def _materials(block):
    return (block.get("value") or {}).get("materials")
