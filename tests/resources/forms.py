"""POST data of the material editor, for tests that create materials through the admin.

Kept beside the model's tests so that a change to the editor's fields is
changed here too; other apps' tests may import it.
"""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def material_form_data(title, slug=None, files=(), links=(), practices=(), **extra):
    """The editor's form for a new material; ``files`` are document ids, ``practices`` page ids."""
    from django.utils.text import slugify

    data = {
        "title": title,
        "slug": slug or slugify(title),
        "summary": "Un materiale di prova.",
        "kind": "dispensa",
        "language": "it",
        "licence": "cc-by-4.0",
        "body": rich_text(""),
        "learning_objectives": rich_text(""),
        "tags": "",
        "files": inline_formset([{"document": pk, "title": ""} for pk in files]),
        "links": inline_formset([{"title": t, "url": u} for t, u in links]),
        "related_practices": inline_formset([{"practice": pk} for pk in practices]),
    }
    data.update(extra)
    return nested_form_data(data)
