"""Demo training materials, with real small files written by the command itself.

``seed(demo)`` is what ``manage.py seed_demo`` runs; the texts are in ``data``. Idempotent: a material whose slug exists is left alone, files included. Links
to good practices are made in a deferred step, when every app has seeded, and
only for materials that have none yet.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import Organisation, Theme
from ciao.sample_files import file_bytes
from resources.models import (
    Audience,
    ResourceDocument,
    ResourceFile,
    ResourceIndexPage,
    ResourceLink,
    ResourcePage,
    ResourceRelatedPractice,
)

from .data import MATERIALS, PRIVATE_MATERIAL

PRACTICES_PER_MATERIAL = 2


def seed(demo):
    index, created = ensure_child(
        demo.home,
        ResourceIndexPage,
        title="Materiali formativi",
        slug="materiali",
        show_in_menus=True,
        intro="<p>Dispense, schede di attività e strumenti dei corsi e dei laboratori di CIAO!: "
        "si possono scaricare e riutilizzare secondo la licenza di ciascuno.</p>",
    )
    if created:
        demo.log("  + elenco «Materiali formativi»")
    owner = demo.users.get("formatore")
    added = 0
    for data in MATERIALS:
        added += _ensure_material(index, data, owner) is not None
    private = _ensure_material(index, PRIVATE_MATERIAL, owner)
    if private is not None:
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        added += 1
    if added:
        demo.log(f"  + {added} materiali formativi con i loro file")
    demo.defer(link_practices)


def _documents(data, owner):
    documents = []
    for extension, title, paragraphs in data["files"]:
        document = ResourceDocument(title=title, uploaded_by_user=owner)
        content = file_bytes(extension, title, paragraphs, author=data["authors"])
        # The stored name is the downloaded file's name: make it say what the file is.
        document.file.save(f"{slugify(title)}.{extension}", ContentFile(content), save=False)
        document.save()
        documents.append(document)
    return documents


def _ensure_material(index, data, owner):
    """Create and publish one material unless it exists; return it if created."""
    if index.get_children().filter(slug=data["slug"]).exists():
        return None
    organisation = Organisation.objects.filter(name=data["organisation"]).first()
    page = ResourcePage(
        title=data["title"],
        slug=data["slug"],
        owner=owner,
        summary=data["summary"],
        search_description=data["summary"][:250],
        kind=data["kind"],
        body=data["body"],
        learning_objectives="<ul>" + "".join(f"<li>{o}</li>" for o in data["objectives"]) + "</ul>"
        if data["objectives"]
        else "",
        duration=data["duration"],
        level=data["level"],
        language=data.get("language", "it"),
        licence=data["licence"],
        authors=data["authors"],
        organisation=organisation,
        revised_on=datetime.date.fromisoformat(data["revised_on"]),
        files=[ResourceFile(document=d) for d in _documents(data, owner)],
        links=[ResourceLink(title=title, url=url) for title, url in data.get("links", [])],
    )
    page.audiences = list(Audience.objects.filter(slug__in=data["audiences"]))
    page.themes = list(Theme.objects.filter(name__in=data["themes"]))
    page.tags.add(*data["tags"])
    index.add_child(instance=page)
    page.save_revision(user=owner, log_action=False).publish(log_action=False)
    return page


def _practice_pages():
    # The good practices are another app's pages: found by their type's name, not by importing the app.
    practices = Page.objects.filter(content_type__app_label="practices", content_type__model="practicepage")
    return list(practices.live().order_by("path"))


def link_practices(demo):
    """Link each material to the good practices that share its keywords (deferred step)."""
    practices = _practice_pages()
    if not practices:
        return
    index = ResourceIndexPage.objects.filter(slug="materiali").first()
    if index is None:
        return
    linked = 0
    for position, data in enumerate(MATERIALS):
        page = ResourcePage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page is None or page.related_practices.exists():
            continue
        chosen = _matching_practices(practices, data["practice_keywords"])
        if not chosen:
            # No keyword in common: spread the materials over the practices, deterministically.
            chosen = [practices[position % len(practices)]]
        page.related_practices = [ResourceRelatedPractice(practice=p) for p in chosen[:PRACTICES_PER_MATERIAL]]
        page.save_revision(user=page.owner, log_action=False).publish(log_action=False)
        linked += 1
    if linked:
        demo.log(f"  + {linked} materiali collegati alle buone pratiche")


def _matching_practices(practices, keywords):
    """Practices whose title has the material's keywords, best first (earlier keywords weigh more)."""
    scored = []
    for position, practice in enumerate(practices):
        title = practice.title.lower()
        score = sum(len(keywords) - i for i, keyword in enumerate(keywords) if keyword in title)
        if score:
            scored.append((-score, position, practice))
    return [practice for _score, _position, practice in sorted(scored)]
