"""Create a draft practice from an exchange file: all of it, or nothing."""

from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from practices.forms import COMPLETE_RECORD_FIELDS, COMPLETE_RECORD_FORMSETS
from practices.models import PracticeIndexPage, PracticePage

from .validation import CHILD_MODELS, RICH_TEXT_FIELDS, PracticeImportError, parse_json, read_practice


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


def missing_for_review(page, parent):
    """What ``parent`` still asks of the unsaved ``page`` before it may go to review.

    An index that requires complete records refuses incomplete submissions in the
    admin's form (see practices.forms); an import must not get round it.
    """
    if not getattr(parent.specific, "require_complete_records", False):
        return []
    missing = []
    for name in COMPLETE_RECORD_FIELDS:
        model_field = PracticePage._meta.get_field(name)
        if model_field.many_to_many:
            empty = not list(getattr(page, name).all())
        else:
            value = getattr(page, model_field.attname)
            if name in RICH_TEXT_FIELDS:
                value = strip_tags(value or "").strip()
            empty = value in model_field.empty_values or (isinstance(value, str) and not value.strip())
        if empty:
            missing.append(str(model_field.verbose_name))
    for name, minimum in COMPLETE_RECORD_FORMSETS.items():
        if len(list(getattr(page, name).all())) < minimum:
            missing.append(str(CHILD_MODELS[name]._meta.verbose_name_plural))
    return [capfirst(label) for label in missing]


def import_practice(raw, parent=None, owner=None, skip_missing_files=False, submit=False, skip_hint=None):
    """Read ``raw`` (bytes, text or an already parsed dictionary) and save it as a draft.

    With ``submit``, the draft also goes to review: the page's workflow starts as
    ``owner`` would start it with "Invia in revisione", unless the destination
    asks for complete records and some are missing (``imported.incomplete``).

    Returns ``(page, imported)`` where ``imported.skipped_files`` lists the files
    left out and ``imported.submitted`` says whether the workflow started. Raises
    :class:`PracticeImportError` with every problem found, in which case nothing
    was written.
    """
    data = parse_json(raw) if isinstance(raw, (bytes, str)) else raw
    imported = read_practice(data, skip_missing_files=skip_missing_files, skip_hint=skip_hint)
    parent = parent or default_parent()
    page = imported.page
    page.slug = unique_slug(parent, page.slug)
    page.owner = owner
    page.live = False
    if submit:
        imported.incomplete = missing_for_review(page, parent)
    with transaction.atomic():
        # Adding tags creates the missing ones: inside the transaction, so a failure leaves none.
        page.tags.add(*imported.tags)
        parent.add_child(instance=page)
        page.save_revision(user=owner, log_action=True)
        workflow = page.get_workflow() if submit and not imported.incomplete else None
        if workflow is not None:
            workflow.start(page, owner)
            imported.submitted = True
    return page, imported
