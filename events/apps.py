from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Eventi")

    def ready(self):
        # Here, not at the top: the handlers import the models, which exist only once apps are ready.
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
