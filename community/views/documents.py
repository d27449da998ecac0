"""A group's shared documents: any member uploads; members and the redazione download, nobody else."""

import mimetypes

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from resources.text_extraction import OK, extract_text

from ..forms.documents import DocumentForm
from ..models import SharedDocument
from .base import group_for, reserved


@reserved
def upload(request, slug):
    group = group_for(request, slug)
    document = SharedDocument(group=group, uploaded_by=request.member)
    if request.method == "POST":
        form = DocumentForm(request.POST, request.FILES, instance=document)
        if form.is_valid():
            file = form.cleaned_data["file"]
            document.size = file.size
            extracted = extract_text(file, name=file.name)
            document.text = str(extracted)
            form.save()
            messages.success(request, _("Documento caricato: %(title)s") % {"title": document.title})
            if extracted.status != OK:
                messages.info(
                    request,
                    _(
                        "Non siamo riusciti a leggere il testo del file: il documento c'è, ma la ricerca non ne trova le parole."
                    ),
                )
            return redirect(group.get_absolute_url())
        # Too large is 413; any other mistake, 400. The form comes back with the title and description typed.
        status = 413 if form.too_large else 400
    elif request.method == "GET":
        form = DocumentForm(instance=document)
        status = 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])
    return render(
        request,
        "community/document_form.html",
        {
            "group": group,
            "form": form,
            "crumbs": [
                (_("Gruppi"), reverse("community:groups")),
                (group.name, group.get_absolute_url()),
                (_("Carica un documento"), request.path),
            ],
        },
        status=status,
    )


@reserved
def download(request, slug, pk):
    group = group_for(request, slug)
    document = get_object_or_404(SharedDocument, pk=pk, group=group)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    response = FileResponse(handle, as_attachment=True, filename=document.filename, content_type=content_type)
    # Attachment and nosniff: a file a member uploaded never runs as a page of the site.
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
