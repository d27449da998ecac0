"""What the community adds to public pages (through ciao's ``page_sections`` hook): a practice's published
adoptions, and the public questions and answers of a practice or a material, with the way to add one's own.

Only published adoptions and public, answered, unhidden questions are read here
(``public()``); each section costs a fixed number of queries whatever it lists.
"""

from django.template.loader import render_to_string
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from .access import member_of
from .forms.questions import QuestionForm
from .models import Adoption
from .questions import is_askable


def _is_practice(page):
    content_type = page.cached_content_type
    return (content_type.app_label, content_type.model) == ("practices", "practicepage")


def adoptions_section(request, page):
    if request is None or not _is_practice(page) or getattr(request, "is_preview", False):
        return ""
    member = member_of(request.user)
    # Most practices have no adoption yet: a visitor's view then costs one plain query, not public()'s joins.
    if member is None and not page.adoptions.filter(status=Adoption.Status.PUBLISHED).exists():
        return ""
    adoptions = list(page.adoptions.public())
    if not adoptions and member is None:
        return ""
    ambiti = list(dict.fromkeys(adoption.ambito.name for adoption in adoptions))
    return render_to_string(
        "community/includes/page_adoptions.html",
        # «Paullese, Visconteo e Corsichese»: each ambito once, however many adoptions it made.
        {"page": page, "adoptions": adoptions, "places": get_text_list(ambiti, _("e")), "member": member},
        request=request,
    )


def questions_section(request, page):
    if request is None or not is_askable(page) or getattr(request, "is_preview", False):
        return ""
    member = member_of(request.user)
    context = {
        "page": page,
        "public_questions": list(page.questions.public()),
        "member": member,
        "form": QuestionForm(auto_id="domanda_%s") if member is not None else None,
        "login_next": f"{request.path}#domande",
    }
    return render_to_string("community/includes/page_questions.html", context, request=request)
