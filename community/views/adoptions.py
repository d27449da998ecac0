"""A member's adoptions: recording one from a practice's page, editing it until it is published, the list of mine.

The redazione reviews them in the admin (community/wagtail_hooks.py); here it
sees only what it recorded itself, if it has a member profile.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import adoptions
from ..forms.adoptions import AdoptionForm, AdoptionIndicatorFormSet
from ..models import Adoption
from .base import reserved

INDICATOR_PREFIX = "indicatori"


def _crumbs(*rest):
    return [(_("Le mie adozioni"), reverse("community:adoptions")), *rest]


@reserved
def my_adoptions(request):
    listed = (
        Adoption.objects.of(request.member).select_related("practice", "ambito", "organisation")
        if request.member
        else Adoption.objects.none()
    )
    context = {"adoptions": listed, "crumbs": [(_("Le mie adozioni"), "")]}
    return render(request, "community/adoption_list.html", context)


def _initial_practice(request):
    raw = request.GET.get("pratica", "")
    return int(raw) if raw.isdigit() else None


@reserved
@require_http_methods(["GET", "POST"])
def edit_adoption(request, pk=None):
    member = request.member
    if member is None:
        raise PermissionDenied(_("Per registrare un'adozione serve un profilo di membro."))
    if pk is None:
        adoption = Adoption()
    else:
        # Another member's adoption does not exist, as far as this address tells.
        adoption = get_object_or_404(Adoption.objects.select_related("practice"), pk=pk, submitted_by=member)
        if not adoption.editable_by_submitter:
            raise PermissionDenied(
                _("Questa adozione è pubblicata: per cambiarla scrivi alla redazione, che la rivedrà.")
            )
    data = request.POST if request.method == "POST" else None
    initial = {"practice": _initial_practice(request)} if pk is None else {}
    form = AdoptionForm(data, instance=adoption, member=member, initial=initial)
    formset = AdoptionIndicatorFormSet(data, instance=adoption, prefix=INDICATOR_PREFIX)
    if data is not None and form.is_valid() and formset.is_valid():
        submit = request.POST.get("azione") == "invia"
        saved = adoptions.save_adoption(form, formset, member, submit)
        if submit:
            messages.success(
                request,
                _("Adozione inviata alla redazione: riceverai un'e-mail quando l'avrà rivista."),
            )
        else:
            messages.success(request, _("Bozza salvata: potrai completarla e inviarla alla redazione."))
        return redirect(reverse("community:adoptions") + f"#adozione-{saved.pk}")
    title = _("Modifica l'adozione") if pk else _("Registra un'adozione")
    context = {
        "form": form,
        "formset": formset,
        "adoption": adoption,
        "title": title,
        "crumbs": _crumbs((title, "")),
    }
    return render(request, "community/adoption_form.html", context, status=400 if data is not None else 200)
