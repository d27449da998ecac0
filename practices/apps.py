from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Buone pratiche")

    def ready(self):
        from django.db.models.signals import post_delete
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .related import forget_related

        # Any page's change may change which practices are closest to another.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(forget_related, dispatch_uid=f"practices-related-{id(signal)}")
        post_delete.connect(forget_related, sender=Page, dispatch_uid="practices-related-delete")
