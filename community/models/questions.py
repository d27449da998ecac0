"""Questions members ask about a practice or a material, and the answers of its author or the redazione.

A question is private (asker, page author, redazione) until the author or the
redazione makes an answered one public; the redazione can hide any question,
which then reaches no public page whatever its flag.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

MAX_QUESTION_LENGTH = 4000


class QuestionQuerySet(models.QuerySet):
    def answered(self):
        return self.filter(Exists(Answer.objects.filter(question=OuterRef("pk"))))

    def public(self):
        """The questions a visitor of the page reads: made public, answered, not hidden; answers fetched at once."""
        return (
            self.answered()
            .filter(is_public=True, hidden_at__isnull=True)
            .prefetch_related(models.Prefetch("answers", queryset=Answer.objects.select_related("author")))
            .order_by("created_at", "pk")
        )


class Question(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="questions"
    )
    asker = models.ForeignKey(
        "community.Member", verbose_name=_("chi chiede"), null=True, on_delete=models.SET_NULL, related_name="questions"
    )
    text = models.TextField(_("domanda"), max_length=MAX_QUESTION_LENGTH)
    created_at = models.DateTimeField(_("inviata il"), auto_now_add=True)
    is_public = models.BooleanField(
        _("pubblica"), default=False, help_text=_("Domanda e risposte si leggono sulla pagina.")
    )
    hidden_at = models.DateTimeField(_("nascosta il"), null=True, blank=True)
    hidden_reason = models.CharField(_("motivo"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("domanda")
        verbose_name_plural = _("domande")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("community:question", args=[self.pk])

    @property
    def is_hidden(self):
        return self.hidden_at is not None


class Answer(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # The page's owner or the redazione: editors may have no member profile, so the user.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("autore")
    )
    by_redazione = models.BooleanField(default=False)
    text = models.TextField(_("risposta"), max_length=MAX_QUESTION_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("risposta")
        verbose_name_plural = _("risposte")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]
