"""Starting a thread, replying, editing a post, hiding one: plain text as typed, minus invisible control characters."""

import unicodedata

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ..models.discussions import MAX_POST_LENGTH, Post, Thread
from .base import CommunityForm

KEPT_IN_MULTILINE_TEXT = {"\n", "\t"}


def without_control_characters(value, multiline):
    """``value`` without NUL and other control characters; line breaks (as ``\\n``) and tabs if ``multiline``."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = KEPT_IN_MULTILINE_TEXT if multiline else set()
    return "".join(c for c in value if c in kept or unicodedata.category(c) != "Cc")


class PlainTextField(forms.CharField):
    """Cleans before the length is checked, so a line break counts one character whatever the browser sent."""

    def __init__(self, *, multiline=False, **kwargs):
        self.multiline = multiline
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = without_control_characters(value, self.multiline)
        return super().to_python(value)


def _body_field(label):
    return PlainTextField(
        label=label,
        multiline=True,
        max_length=MAX_POST_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=format_lazy(
            _("Testo semplice: gli indirizzi web e di posta diventano link. Al massimo {limit} caratteri."),
            limit=f"{MAX_POST_LENGTH:,}".replace(",", "."),
        ),
        error_messages={
            "required": _("Scrivi il messaggio."),
            "max_length": _(
                "Il messaggio è troppo lungo: può avere al massimo %(limit_value)s caratteri, "
                "ne ha %(show_value)s. Accorcialo o dividilo in più messaggi."
            ),
        },
    )


class ThreadForm(CommunityForm):
    title = PlainTextField(
        label=_("Titolo"),
        max_length=Thread._meta.get_field("title").max_length,
        error_messages={
            "required": _("Dai un titolo alla discussione."),
            "max_length": _("Il titolo è troppo lungo: al massimo %(limit_value)s caratteri, ne ha %(show_value)s."),
        },
    )
    body = _body_field(_("Messaggio"))


class PostForm(CommunityForm):
    body = _body_field(_("Messaggio"))


class HidePostForm(CommunityForm):
    reason = PlainTextField(
        label=_("Motivo"),
        max_length=Post._meta.get_field("hidden_reason").max_length,
        help_text=_("Lo leggeranno i membri del gruppo al posto del messaggio."),
        error_messages={
            "required": _("Scrivi il motivo per cui nascondi il messaggio: i membri del gruppo lo leggeranno."),
            "max_length": _("Il motivo è troppo lungo: al massimo %(limit_value)s caratteri, ne ha %(show_value)s."),
        },
    )
