"""Fixed lists of a practice's record that the listing filters on."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeStatus(models.TextChoices):
    ONGOING = "in-corso", _("In corso")
    COMPLETED = "conclusa", _("Conclusa")
