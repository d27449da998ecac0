from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Eventi")

    def ready(self):
        from django.db.models.signals import post_save

        from ciao.models import Comune

        from .signal_handlers import follow_comune_to_its_ambito

        post_save.connect(follow_comune_to_its_ambito, sender=Comune, dispatch_uid="events-comune-ambito")
