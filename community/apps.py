from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Comunità di pratica")

    def ready(self):
        from ciao import page_cache

        from . import group_pages, membership_sync, search_sync
        from .models import Adoption, Answer, Member, Question

        group_pages.connect()
        membership_sync.connect()
        search_sync.connect()
        # Public pages show published adoptions (with their contact's name) and public questions.
        page_cache.invalidate_on(Adoption, Answer, Member, Question)
