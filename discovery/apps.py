from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    name = "discovery"
    verbose_name = _("Ricerca nel sito e argomenti")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
