"""Who a material is for (operatori, formatori, cittadini...): data the redazione manages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ciao.models.vocabularies import VocabularyItem


class Audience(VocabularyItem):
    # The redazione orders audiences by who the materials mostly serve, not alphabetically.
    sort_order = models.PositiveSmallIntegerField(_("ordine"), default=0)

    class Meta(VocabularyItem.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("pubblico dei materiali")
        verbose_name_plural = _("pubblici dei materiali")
