"""Working groups (Cabina di Regia, coordinamento operativo, comunità di pratica per azione) and who is in them."""

from django.contrib.auth.models import Group
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel


class WorkingGroup(ClusterableModel):
    class Kind(models.TextChoices):
        STEERING = "cabina", _("Cabina di Regia")
        COORDINATION = "coordinamento", _("Coordinamento operativo")
        PRACTICE = "comunita", _("Comunità di pratica")

    name = models.CharField(_("nome"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True, blank=True)
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices, default=Kind.PRACTICE)
    summary = models.CharField(_("in breve"), max_length=300, blank=True)
    presentation = models.TextField(_("presentazione"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordine"), default=0)
    # Wagtail restricts pages (a partners' meeting among the events) to Django groups:
    # every working group has one, holding the same people (community/membership_sync.py).
    auth_group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="working_group", editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("presentation"),
        FieldPanel("sort_order"),
        InlinePanel("memberships", label=_("Persone del gruppo")),
    ]

    class Meta:
        verbose_name = _("gruppo di lavoro")
        verbose_name_plural = _("gruppi di lavoro")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("community:group", args=[self.slug])

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:150]
        name = f"{_('Gruppo di lavoro')}: {self.name}"[:150]
        if self.auth_group_id is None:
            self.auth_group, _created = Group.objects.get_or_create(name=name)
        elif self.auth_group.name != name:
            self.auth_group.name = name
            self.auth_group.save(update_fields=["name"])
        super().save(*args, **kwargs)


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "membro", _("membro")
        COORDINATOR = "coordinatore", _("coordinatore")

    group = ParentalKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    member = models.ForeignKey("community.Member", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("ruolo nel gruppo"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("member"), FieldPanel("role")]

    class Meta:
        verbose_name = _("persona del gruppo")
        verbose_name_plural = _("persone del gruppo")
        constraints = [models.UniqueConstraint(fields=["group", "member"], name="one_membership_per_group")]

    def __str__(self):
        return f"{self.member} ({self.get_role_display()})"

    @property
    def is_coordinator(self):
        return self.role == self.Role.COORDINATOR
