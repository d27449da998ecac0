from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Comunità di pratica")

    def ready(self):
        from . import group_pages, membership_sync, search_sync

        group_pages.connect()
        membership_sync.connect()
        search_sync.connect()
