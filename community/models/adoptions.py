"""Adoptions: a member records that their organisation or ambito took up (or adapted) a practice.

The redazione reviews each one before it is public. The practices app reads the
published ones through the reverse relation ``practice.adoptions`` and the
queryset's ``public()``, never by importing this module.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from practices.text import format_quantity

MAX_ADOPTION_TEXT = 4000


class AdoptionQuerySet(models.QuerySet):
    def public(self):
        """Published adoptions of live, public practices, with what a visitor reads of them fetched at once."""
        return (
            self.filter(status=Adoption.Status.PUBLISHED, practice__live=True)
            .exclude(practice__view_restrictions__isnull=False)
            .select_related("ambito", "organisation", "contact__user", "practice__ambito")
            .prefetch_related("indicators", "target_groups")
            .order_by("-adopted_on", "-pk")
        )

    def of(self, member):
        return self.filter(submitted_by=member)


class Adoption(ClusterableModel):
    class Kind(models.TextChoices):
        ADOPTED = "adottata", _("adottata così com'è")
        ADAPTED = "adattata", _("adattata")

    class Status(models.TextChoices):
        DRAFT = "bozza", _("bozza")
        IN_REVIEW = "revisione", _("in revisione")
        PUBLISHED = "pubblicata", _("pubblicata")
        REJECTED = "respinta", _("respinta")

    practice = models.ForeignKey(
        "practices.PracticePage", verbose_name=_("buona pratica"), on_delete=models.CASCADE, related_name="adoptions"
    )
    ambito = models.ForeignKey(
        "ciao.Ambito", verbose_name=_("ambito che l'ha adottata"), on_delete=models.PROTECT, related_name="adoptions"
    )
    organisation = models.ForeignKey(
        "ciao.Organisation",
        verbose_name=_("organizzazione che l'ha adottata"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
    )
    kind = models.CharField(_("come"), max_length=10, choices=Kind.choices, default=Kind.ADAPTED)
    adopted_on = models.DateField(_("da quando"), help_text=_("Il giorno in cui avete cominciato."))
    changes = models.TextField(
        _("che cosa avete cambiato"),
        max_length=MAX_ADOPTION_TEXT,
        blank=True,
        help_text=_("Rispetto alla pratica originale: passi, tempi, persone coinvolte."),
    )
    reasons = models.TextField(
        _("perché"),
        max_length=MAX_ADOPTION_TEXT,
        blank=True,
        help_text=_("Che cosa del vostro territorio lo chiedeva."),
    )
    target_groups = models.ManyToManyField(
        "ciao.TargetGroup", verbose_name=_("per chi"), blank=True, related_name="adoptions"
    )
    outcome = models.TextField(
        _("com'è andata"),
        max_length=MAX_ADOPTION_TEXT,
        blank=True,
        help_text=_("Che cosa è cambiato per le persone e per i servizi; gli indicatori vanno sotto."),
    )
    contact = models.ForeignKey(
        "community.Member",
        verbose_name=_("persona di riferimento"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="adoption_contacts",
    )
    submitted_by = models.ForeignKey(
        "community.Member",
        verbose_name=_("registrata da"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="adoptions",
    )
    status = models.CharField(_("stato"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    review_reason = models.TextField(
        _("motivo della decisione"),
        max_length=2000,
        blank=True,
        help_text=_("Per una adozione respinta: lo leggerà chi l'ha registrata, per correggerla."),
    )
    # Reviewers work in the admin, where a member profile is not needed: the user, not the member.
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rivista da"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    reviewed_at = models.DateTimeField(_("rivista il"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AdoptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("adozione di una pratica")
        verbose_name_plural = _("adozioni delle pratiche")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.practice.title} → {self.ambito.name}"

    def get_absolute_url(self):
        return reverse("community:edit_adoption", args=[self.pk])

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    @property
    def editable_by_submitter(self):
        # Once published, a change would go public unreviewed: the redazione edits it.
        return self.status != self.Status.PUBLISHED


class AdoptionIndicator(Orderable):
    """A measured result of the adoption, in the same form as a practice's indicators."""

    adoption = ParentalKey(Adoption, related_name="indicators", on_delete=models.CASCADE)
    name = models.CharField(_("indicatore"), max_length=150, help_text=_("Che cosa si è misurato."))
    value = models.DecimalField(_("valore"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    unit = models.CharField(
        _("unità di misura"), max_length=40, help_text=_("Per esempio «persone», «ore», «tirocini».")
    )
    year = models.PositiveSmallIntegerField(_("anno"), null=True, blank=True, validators=[MinValueValidator(1990)])

    class Meta(Orderable.Meta):
        verbose_name = _("indicatore")
        verbose_name_plural = _("indicatori")

    def __str__(self):
        return f"{self.name}: {self.value_display} {self.unit}"

    @property
    def value_display(self):
        return format_quantity(self.value)

    def save(self, *args, **kwargs):
        # As a practice's: sums group by unit, so stray spaces and capitals would split them.
        self.unit = " ".join((self.unit or "").split()).lower()
        super().save(*args, **kwargs)
