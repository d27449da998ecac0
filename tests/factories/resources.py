"""Small builders for materials and their documents."""

from django.core.files.base import ContentFile

from resources.models import ResourceDocument, ResourceFile, ResourcePage
from resources.sample_files import file_bytes


def make_document(extension="pdf", text="Testo di prova.", title=None, data=None, name=None):
    """A saved document with a real file (written by ``resources.sample_files``)."""
    title = title or f"Documento {extension.upper()}"
    if data is None:
        data = text.encode("utf-8") if extension in {"txt", "csv"} else file_bytes(extension, title, [text])
    document = ResourceDocument(title=title)
    document.file.save(name or f"documento.{extension}", ContentFile(data), save=False)
    document.save()
    return document


def make_material(index, title="Materiale", publish=True, documents=(), tags=(), themes=(), audiences=(), **fields):
    """Create a material under ``index`` (published unless ``publish=False``)."""
    fields.setdefault("summary", f"In breve: {title}.")
    page = ResourcePage(title=title, **fields)
    page.files = [ResourceFile(document=d) for d in documents]
    if themes:
        page.themes = list(themes)
    if audiences:
        page.audiences = list(audiences)
    if tags:
        page.tags.add(*tags)
    if not publish:
        page.live = False
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page
