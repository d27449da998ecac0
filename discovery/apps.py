from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    name = "discovery"
    verbose_name = _("Ricerca nel sito e argomenti")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks
        from .models import SearchSynonym
        from .synonyms import forget

        post_save.connect(forget, sender=SearchSynonym, dispatch_uid="discovery-synonyms-saved")
        post_delete.connect(forget, sender=SearchSynonym, dispatch_uid="discovery-synonyms-deleted")
