from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CiaoConfig(AppConfig):
    name = "ciao"
    verbose_name = _("CIAO! Comunità di pratica")

    def ready(self):
        from . import signal_handlers  # noqa: F401
