"""A group's meetings: the agenda before, the minutes with decisions and actions after."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class Meeting(index.Indexed, models.Model):
    group = models.ForeignKey("community.WorkingGroup", on_delete=models.CASCADE, related_name="meetings")
    title = models.CharField(_("titolo"), max_length=200)
    starts_at = models.DateTimeField(_("inizio"))
    ends_at = models.DateTimeField(_("fine"), null=True, blank=True)
    place = models.CharField(_("luogo o collegamento"), max_length=300, blank=True)
    agenda = models.TextField(_("ordine del giorno"), blank=True)
    minutes = models.TextField(_("verbale"), blank=True)
    decisions = models.TextField(_("decisioni"), blank=True)
    created_by = models.ForeignKey(
        "community.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("incontro")
        verbose_name_plural = _("incontri")
        ordering = ["-starts_at"]

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("agenda"),
        index.SearchField("decisions"),
        index.SearchField("minutes"),
        index.SearchField("place"),
        index.FilterField("group"),
    ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("community:meeting", args=[self.group.slug, self.pk])

    @property
    def is_past(self):
        return (self.ends_at or self.starts_at) < timezone.now()


class Action(models.Model):
    """Something a meeting decided that someone does by a date."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("cosa"), max_length=300)
    assignee = models.ForeignKey(
        "community.Member",
        verbose_name=_("chi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    due_date = models.DateField(_("entro il"), null=True, blank=True)
    done = models.BooleanField(_("fatto"), default=False)

    class Meta:
        verbose_name = _("azione")
        verbose_name_plural = _("azioni")
        ordering = ["done", "due_date", "pk"]

    def __str__(self):
        return self.description
