from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .synonyms import split_terms


class SearchSynonym(models.Model):
    """Words the redazione wants a search to treat alike: "cv" finds "curriculum".

    Applied when a visitor searches (``discovery.synonyms``), so a change
    counts at once, with no index to rebuild.
    """

    terms = models.CharField(
        _("Parole"),
        max_length=255,
        help_text=_(
            "Separate da virgole, anche di più parole: «NEET, giovani che non studiano e non lavorano». "
            "Chi cerca una di queste trova anche le altre."
        ),
    )
    also = models.CharField(
        _("Cerca anche"),
        max_length=255,
        blank=True,
        help_text=_(
            "Solo in un senso, separate da virgole: chi cerca le parole qui sopra trova anche queste, "
            "non il contrario («cv» → «curriculum»). Lascia vuoto perché le parole qui sopra siano equivalenti."
        ),
    )

    class Meta:
        ordering = ["terms"]
        verbose_name = _("sinonimo di ricerca")
        verbose_name_plural = _("sinonimi di ricerca")

    def __str__(self):
        if self.also:
            return f"{self.terms} → {self.also}"
        return self.terms

    def clean(self):
        terms, also = split_terms(self.terms), split_terms(self.also)
        if not terms:
            raise ValidationError({"terms": _("Scrivi almeno una parola.")})
        if not also and len(terms) < 2:
            raise ValidationError(
                {
                    "terms": _(
                        "Scrivi almeno due parole equivalenti, oppure le parole da cercare anche in «Cerca anche»."
                    )
                }
            )
