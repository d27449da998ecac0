"""Questions to practices and materials: asking (from the page), answering, making public, hiding.

A question is read by its asker, the page's author and the redazione; for anyone
else its address is a 404. Asking takes a member profile; answering and making
public take being the page's author (who may have no member profile: any
logged-in person gets past the door, the question decides) or the redazione;
hiding, the redazione.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import questions
from ..forms.questions import AnswerForm, HideQuestionForm, QuestionForm
from ..models import Question
from .base import reserved, signed_in

LIST_LENGTH = 50


def _crumbs(*rest):
    return [(_("Domande"), reverse("community:questions")), *rest]


def _data(request):
    return request.POST if request.method == "POST" else None


def _readable_question(request, pk):
    question = get_object_or_404(Question.objects.select_related("page", "asker__user"), pk=pk)
    if not questions.may_read(request.user, question, request.member):
        raise Http404
    return question


@signed_in
def question_list(request):
    context = {
        "to_my_pages": list(questions.to_my_pages(request.user)[:LIST_LENGTH]),
        "mine": list(questions.asked_by(request.member)[:LIST_LENGTH]),
        "crumbs": [(_("Domande"), "")],
    }
    return render(request, "community/question_list.html", context)


@reserved
@require_http_methods(["GET", "POST"])
def ask(request, page_id):
    page = questions.askable_page(page_id)
    if request.member is None:
        raise PermissionDenied(_("Per fare una domanda serve un profilo di membro."))
    form = QuestionForm(_data(request))
    if request.method == "POST" and form.is_valid():
        question = questions.ask(page, request.member, form.cleaned_data["text"])
        messages.success(
            request,
            _("Domanda inviata a chi ha scritto la pagina. Riceverai un'e-mail quando ti risponderà."),
        )
        return redirect(question.get_absolute_url())
    context = {"page": page, "form": form, "crumbs": _crumbs((_("Nuova domanda"), ""))}
    return render(request, "community/question_form.html", context, status=400 if form.is_bound else 200)


@signed_in
@require_http_methods(["GET", "POST"])
def question(request, pk):
    question = _readable_question(request, pk)
    may_answer = questions.may_answer(request.user, question)
    form = AnswerForm(_data(request)) if may_answer else None
    if request.method == "POST":
        if not may_answer:
            raise PermissionDenied(_("Rispondono solo chi ha scritto la pagina e la redazione."))
        if form.is_valid():
            questions.answer(question, request.user, form.cleaned_data["text"])
            messages.success(request, _("Risposta inviata: chi ha fatto la domanda riceverà un'e-mail."))
            return redirect(question.get_absolute_url())
    context = {
        "question": question,
        "answers": question.answers.select_related("author"),
        "form": form,
        "may_answer": may_answer,
        "may_hide": request.is_redazione,
        "crumbs": _crumbs((_("Domanda su «%(title)s»") % {"title": question.page.title}, "")),
    }
    return render(
        request, "community/question.html", context, status=400 if form is not None and form.is_bound else 200
    )


@signed_in
def publish(request, pk):
    question = _readable_question(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not questions.may_answer(request.user, question):
        raise PermissionDenied(_("Solo chi ha scritto la pagina e la redazione decidono che cosa si pubblica."))
    public = request.POST.get("pubblica") == "1"
    if public and (question.is_hidden or not question.answers.exists()):
        messages.error(request, _("Si pubblicano solo domande con una risposta e non nascoste."))
    else:
        questions.set_public(question, public)
        if public:
            messages.success(request, _("Domanda e risposta si leggono ora sulla pagina."))
        else:
            messages.success(request, _("Domanda e risposta non si leggono più sulla pagina."))
    return redirect(question.get_absolute_url())


@signed_in
@require_http_methods(["GET", "POST"])
def hide(request, pk):
    question = _readable_question(request, pk)
    if not request.is_redazione:
        raise PermissionDenied(_("Solo la redazione nasconde le domande."))
    form = HideQuestionForm(_data(request), initial={"reason": question.hidden_reason})
    if request.method == "POST" and form.is_valid():
        questions.hide(question, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Domanda nascosta: non compare su nessuna pagina pubblica."))
        return redirect(question.get_absolute_url())
    context = {
        "question": question,
        "form": form,
        "crumbs": _crumbs(
            (_("Domanda su «%(title)s»") % {"title": question.page.title}, question.get_absolute_url()),
            (_("Nascondi la domanda"), ""),
        ),
    }
    return render(request, "community/hide_question.html", context, status=400 if form.is_bound else 200)
