"""Create a draft practice from an exchange file: all of it, or nothing."""

from django.db import transaction
from django.utils.translation import gettext as _

from practices.models import PracticeIndexPage

from .validation import PracticeImportError, parse_json, read_practice


def unique_slug(parent, slug):
    taken = set(parent.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


def default_parent():
    parent = PracticeIndexPage.objects.order_by("path").first()
    if parent is None:
        raise PracticeImportError([("parent", _("Non c'è nessun elenco di buone pratiche in cui importare."))])
    return parent


def import_practice(raw, parent=None, owner=None, skip_missing_files=False):
    """Read ``raw`` (bytes, text or an already parsed dictionary) and save it as a draft.

    Returns ``(page, imported)`` where ``imported.skipped_files`` lists the files
    left out. Raises :class:`PracticeImportError` with every problem found, in
    which case nothing was written.
    """
    data = parse_json(raw) if isinstance(raw, (bytes, str)) else raw
    imported = read_practice(data, skip_missing_files=skip_missing_files)
    parent = parent or default_parent()
    page = imported.page
    page.slug = unique_slug(parent, page.slug)
    page.owner = owner
    page.live = False
    with transaction.atomic():
        # Adding tags creates the missing ones: inside the transaction, so a failure leaves none.
        page.tags.add(*imported.tags)
        parent.add_child(instance=page)
        page.save_revision(user=owner, log_action=True)
    return page, imported
