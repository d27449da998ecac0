"""Asking about a page, answering, hiding a question: plain text as typed, minus control characters."""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..models.questions import MAX_QUESTION_LENGTH, Question
from .base import CommunityForm
from .discussions import PlainTextField


def _text_field(label, required_message):
    return PlainTextField(
        label=label,
        multiline=True,
        max_length=MAX_QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=format_lazy(
            _("Testo semplice: gli indirizzi web e di posta diventano link. Al massimo {limit} caratteri."),
            limit=f"{MAX_QUESTION_LENGTH:,}".replace(",", "."),
        ),
        error_messages={
            "required": required_message,
            "max_length": _("Il testo è troppo lungo: al massimo %(limit_value)s caratteri, ne ha %(show_value)s."),
        },
    )


class QuestionForm(CommunityForm):
    text = _text_field(_("La tua domanda"), _("Scrivi la domanda."))


class AnswerForm(CommunityForm):
    text = _text_field(_("La tua risposta"), _("Scrivi la risposta."))


class HideQuestionForm(CommunityForm):
    reason = PlainTextField(
        label=_("Motivo"),
        max_length=Question._meta.get_field("hidden_reason").max_length,
        help_text=_("Lo leggerà chi ha fatto la domanda."),
        error_messages={
            "required": _("Scrivi il motivo per cui nascondi la domanda."),
            "max_length": _("Il motivo è troppo lungo: al massimo %(limit_value)s caratteri, ne ha %(show_value)s."),
        },
    )
