"""Who a material is for (operatori, formatori, cittadini...): data the redazione manages."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Audience(index.Indexed, models.Model):
    name = models.CharField(_("nome"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("Parte dell'indirizzo usata nei filtri; si genera dal nome se vuota."),
    )
    description = models.CharField(_("descrizione"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordine"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("pubblico dei materiali")
        verbose_name_plural = _("pubblici dei materiali")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:100]
        super().save(*args, **kwargs)
