"""The repeatable parts of a practice: steps, indicators, attachments, tags."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from practices.text import format_quantity, validate_plain_text


class PracticePageTag(TaggedItemBase):
    content_object = ParentalKey("practices.PracticePage", related_name="tagged_items", on_delete=models.CASCADE)


class PracticeStep(Orderable):
    """One step of "how it works", in the order a team would carry it out."""

    practice = ParentalKey("practices.PracticePage", related_name="steps", on_delete=models.CASCADE)
    title = models.CharField(_("passo"), max_length=200, validators=[validate_plain_text])
    description = models.TextField(_("come si fa"), blank=True, max_length=2000, validators=[validate_plain_text])

    panels = [FieldPanel("title"), FieldPanel("description")]
    api_fields = [APIField("title"), APIField("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("passo")
        verbose_name_plural = _("passi")

    def __str__(self):
        return self.title


class PracticeIndicator(Orderable):
    """A measured result: "persone accolte: 48 persone (2021)"."""

    practice = ParentalKey("practices.PracticePage", related_name="indicators", on_delete=models.CASCADE)
    name = models.CharField(
        _("indicatore"),
        max_length=150,
        validators=[validate_plain_text],
        help_text=_("Che cosa si è misurato, per esempio «Persone accolte»."),
    )
    value = models.DecimalField(_("valore"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    unit = models.CharField(
        _("unità di misura"),
        max_length=40,
        validators=[validate_plain_text],
        help_text=_(
            "Per esempio «persone», «ore», «tirocini», «imprese». Usa sempre le stesse parole: "
            "il confronto tra ambiti somma gli indicatori con la stessa unità."
        ),
    )
    year = models.PositiveSmallIntegerField(_("anno"), null=True, blank=True, validators=[MinValueValidator(1990)])

    panels = [FieldPanel("name"), FieldPanel("value"), FieldPanel("unit"), FieldPanel("year")]
    api_fields = [APIField("name"), APIField("value"), APIField("unit"), APIField("year")]

    class Meta(Orderable.Meta):
        verbose_name = _("indicatore")
        verbose_name_plural = _("indicatori")

    def __str__(self):
        return f"{self.name}: {self.value_display} {self.unit}"

    @property
    def value_display(self):
        """The value as Italians write it, without trailing zeros: 1.200 and 48,5, not 48.50."""
        return format_quantity(self.value)

    def save(self, *args, **kwargs):
        # Sums per ambito group indicators by unit; stray spaces and capitals would split them.
        self.unit = " ".join((self.unit or "").split()).lower()
        super().save(*args, **kwargs)


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "CC-BY-NC-4.0", "CC BY-NC 4.0"
    CC_BY_NC_SA = "CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    RESERVED = "reserved", _("Tutti i diritti riservati")


class PracticeAttachment(Orderable):
    practice = ParentalKey("practices.PracticePage", related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("documento"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("titolo"),
        max_length=200,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Se vuoto, si usa il titolo del documento."),
    )
    licence = models.CharField(
        _("licenza"),
        max_length=20,
        choices=Licence.choices,
        default=Licence.CC_BY,
        help_text=_("Con quale licenza altri possono riusare il documento."),
    )

    panels = [FieldPanel("document"), FieldPanel("title"), FieldPanel("licence")]
    api_fields = [APIField("document"), APIField("title"), APIField("licence")]

    class Meta(Orderable.Meta):
        verbose_name = _("allegato")
        verbose_name_plural = _("allegati")

    @property
    def display_title(self):
        return self.title or self.document.title

    @property
    def file_type(self):
        return (self.document.file_extension or "").upper()
