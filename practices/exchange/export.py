"""A practice as JSON, for another ambito's site: every field, vocabularies by slug and name.

Rich text is written with its links expanded to full addresses, so the file
means the same on a site that has none of this site's pages or documents.
Files (attachments, image) travel by reference: address, name and SHA-1, which
the import uses to find the same file on the receiving site. The practice's
published adoptions travel beside the record (``adoptions``), for reading: they
are this site's territories' stories, not part of the practice to import.
"""

import re

from django.http import JsonResponse
from django.utils import timezone
from wagtail.rich_text import expand_db_html

from practices.travel import public_adoptions

FORMAT = "ciao-buona-pratica"
VERSION = 1

RELATIVE_HREF = re.compile(r'href="(/[^"]*)"')


def _vocabulary(item):
    return {"slug": item.slug, "name": item.name} if item else None


def _absolute(root_url, url):
    return f"{root_url}{url}" if url and url.startswith("/") else url


def _rich_text(html, root_url):
    expanded = expand_db_html(html or "")
    return RELATIVE_HREF.sub(lambda m: f'href="{_absolute(root_url, m.group(1))}"', expanded)


def _file(obj, root_url, url):
    return {
        "title": obj.title,
        "file_name": obj.filename,
        "sha1": obj.get_file_hash(),
        "url": _absolute(root_url, url),
    }


def _adoption(adoption):
    return {
        "ambito": _vocabulary(adoption.ambito),
        "organisation": _vocabulary(adoption.organisation),
        "kind": adoption.kind,
        "adopted_on": adoption.adopted_on.isoformat(),
        "changes": adoption.changes,
        "reasons": adoption.reasons,
        "target_groups": [_vocabulary(t) for t in adoption.target_groups.all()],
        "outcome": adoption.outcome,
        "indicators": [
            {"name": i.name, "value": str(i.value), "unit": i.unit, "year": i.year} for i in adoption.indicators.all()
        ],
        "contact": adoption.contact.name if adoption.contact else None,
    }


def export_practice(page):
    """The practice as the exchange format's dictionary (the live content of the page row)."""
    page.load_relations()
    site = page.get_site()
    root_url = site.root_url if site else ""
    image = None
    if page.image:
        image = _file(page.image, root_url, page.image.file.url)
        image["alt"] = page.image.default_alt_text
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "source_url": page.get_full_url(),
        "practice": {
            "title": page.title,
            "slug": page.slug,
            "seo_title": page.seo_title,
            "search_description": page.search_description,
            "summary": page.summary,
            "ambito": _vocabulary(page.ambito),
            "comuni": [_vocabulary(c) for c in page.comuni.all()],
            "start_date": page.start_date.isoformat() if page.start_date else None,
            "end_date": page.end_date.isoformat() if page.end_date else None,
            "themes": [_vocabulary(t) for t in page.themes.all()],
            "target_groups": [_vocabulary(t) for t in page.target_groups.all()],
            "tags": sorted(tag.name for tag in page.tag_list),
            "image": image,
            "lead_organisation": _vocabulary(page.lead_organisation),
            "partner_organisations": [_vocabulary(o) for o in page.partner_organisations.all()],
            "contact": {
                "name": page.contact_name,
                "email": page.contact_email,
                "phone": page.contact_phone,
            },
            "context": _rich_text(page.context, root_url),
            "objectives": _rich_text(page.objectives, root_url),
            "steps": [{"title": s.title, "description": s.description} for s in page.steps.all()],
            "staff": page.staff,
            "budget": str(page.budget) if page.budget is not None else None,
            "funding_source": page.funding_source,
            "results": _rich_text(page.results, root_url),
            "indicators": [
                {"name": i.name, "value": str(i.value), "unit": i.unit, "year": i.year} for i in page.indicators.all()
            ],
            "evidence": _rich_text(page.evidence, root_url),
            "lessons_learnt": _rich_text(page.lessons_learnt, root_url),
            "transferability": _rich_text(page.transferability, root_url),
            "attachments": [
                {
                    "title": a.title,
                    "licence": a.licence,
                    "document": dict(
                        _file(a.document, root_url, a.document.url),
                        size=a.document.get_file_size(),
                    ),
                }
                for a in page.attachments.all()
            ],
        },
        "adoptions": [_adoption(adoption) for adoption in public_adoptions(page)],
    }


def export_response(page):
    response = JsonResponse(export_practice(page), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.json"'
    return response
