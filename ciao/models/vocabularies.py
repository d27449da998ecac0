"""Site-wide vocabularies: data that editors manage as snippets.

They are seeded by data migrations with the programme's real names; nothing in
code lists them, so the redazione can rename, add or retire entries.
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class VocabularyItem(index.Indexed, models.Model):
    name = models.CharField(_("nome"), max_length=150, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=150,
        unique=True,
        blank=True,
        help_text=_("Parte dell'indirizzo usata nei filtri; si genera dal nome se vuota."),
    )
    description = models.TextField(_("descrizione"), blank=True)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:150]
        super().save(*args, **kwargs)


class Ambito(VocabularyItem):
    """A territorial social district (ambito territoriale / distretto sociale)."""

    full_name = models.CharField(_("nome completo"), max_length=255, blank=True)
    lead_body = models.CharField(
        _("ente capofila"),
        max_length=255,
        blank=True,
        help_text=_("L'ente che gestisce i servizi sociali dell'ambito."),
    )

    class Meta(VocabularyItem.Meta):
        verbose_name = _("ambito")
        verbose_name_plural = _("ambiti")


class Comune(VocabularyItem):
    ambito = models.ForeignKey(
        Ambito,
        verbose_name=_("ambito"),
        related_name="comuni",
        on_delete=models.PROTECT,
    )
    istat_code = models.CharField(_("codice ISTAT"), max_length=6, blank=True, help_text=_("Sei cifre, se noto."))

    search_fields = VocabularyItem.search_fields + [index.FilterField("ambito")]

    class Meta(VocabularyItem.Meta):
        verbose_name = _("comune")
        verbose_name_plural = _("comuni")


class Organisation(VocabularyItem):
    class Kind(models.TextChoices):
        PUBLIC = "public", _("Ente pubblico")
        THIRD_SECTOR = "third_sector", _("Terzo settore")
        SUPPORTER = "supporter", _("Rete sostenitrice")
        OTHER = "other", _("Altro")

    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    is_partner = models.BooleanField(
        _("partner di CIAO!"),
        default=False,
        help_text=_("I partner sono elencati nella home page e nel piè di pagina."),
    )
    is_lead_partner = models.BooleanField(_("ente capofila"), default=False)
    website = models.URLField(_("sito web"), blank=True)
    ambito = models.ForeignKey(
        Ambito,
        verbose_name=_("ambito"),
        null=True,
        blank=True,
        related_name="organisations",
        on_delete=models.SET_NULL,
    )

    search_fields = VocabularyItem.search_fields + [
        index.FilterField("kind"),
        index.FilterField("is_partner"),
    ]

    class Meta(VocabularyItem.Meta):
        verbose_name = _("organizzazione")
        verbose_name_plural = _("organizzazioni")


class Theme(VocabularyItem):
    """An axis of the intervention (Capacitazione, Inclusione, ...)."""

    sort_order = models.PositiveSmallIntegerField(_("ordine"), default=0)

    class Meta(VocabularyItem.Meta):
        verbose_name = _("tema")
        verbose_name_plural = _("temi")
        ordering = ["sort_order", "name"]


class TargetGroup(VocabularyItem):
    """People a practice, material or event is meant for."""

    class Meta(VocabularyItem.Meta):
        verbose_name = _("destinatari")
        verbose_name_plural = _("gruppi di destinatari")
