"""What a material's page shows beyond its own fields, at a fixed number of queries.

Works on a saved page and on a preview alike: a preview's files and links live
in memory (modelcluster), so related rows are fetched by id, not by join.
"""

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model

from ciao.page_cache.fragments import fragment_context

MORE_MATERIALS = 3


def _files(page):
    files = [f for f in page.files.all() if f.document_id]
    documents = get_document_model().objects.defer("extracted_text").in_bulk([f.document_id for f in files])
    for f in files:
        # Set through the descriptor's cache, so ``f.document`` costs no further query.
        if f.document_id in documents:
            f.document = documents[f.document_id]
    return [f for f in files if f.document_id in documents]


def _more_materials(page, theme_ids):
    if not theme_ids:
        return []
    # The page's own model: this module is imported by it.
    model = type(page)
    shares_a_theme = model.themes.through.objects.filter(resourcepage_id=OuterRef("pk"), theme_id__in=theme_ids)
    # EXISTS rather than a join with DISTINCT, and no second sort key: the database walks the
    # publication date's index from the newest page and stops at the third match, instead of
    # sorting every material of those themes (2 ms instead of 35 at 6,000 materials, SQLite).
    return list(
        model.objects.live()
        .public()
        .filter(Exists(shares_a_theme))
        .exclude(pk=page.pk)
        .order_by("-first_published_at")[:MORE_MATERIALS]
    )


def citation(page, request=None):
    """How to cite the material when reusing it, as the licences ask.

    "Authors, «Title», Organisation, year. Licenza: CC BY 4.0. address"; the
    organisation stands in for the authors when there are none.
    """
    organisation = page.organisation.name if page.organisation_id else ""
    who = [page.authors, f"«{page.title}»", organisation] if page.authors else [organisation, f"«{page.title}»"]
    year = (page.last_revised or timezone.localdate()).year
    text = ", ".join(part for part in [*who, str(year)] if part) + "."
    licence = page.licence_info
    if licence:
        text += " " + _("Licenza: %(licence)s.") % {"licence": licence.short_name}
    url = page.get_full_url(request)
    if url:
        text += " " + url
    return text


def detail_context(page, request):
    themes = list(page.themes.all())
    return {
        "files": _files(page),
        "links": list(page.links.all()),
        "audiences": list(page.audiences.all()),
        "themes": themes,
        "tags": list(page.tags.all()),
        "licence": page.licence_info,
        # Looked up only when the kept rendering of their sections is missing (fragment_context).
        "related_practices": SimpleLazyObject(page.public_related_practices),
        "more_materials": SimpleLazyObject(lambda: _more_materials(page, [t.pk for t in themes])),
        "citation": citation(page, request),
        **fragment_context(),
    }
