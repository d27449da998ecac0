from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CiaoConfig(AppConfig):
    name = "ciao"
    verbose_name = _("CIAO! Comunità di pratica")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
