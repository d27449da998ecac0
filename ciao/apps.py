from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CiaoConfig(AppConfig):
    name = "ciao"
    verbose_name = _("CIAO! Comunità di pratica")

    def ready(self):
        from . import checks  # noqa: F401 - registers the production check of demo passwords
        from .admin_visibility import use_contributor_page_policy
        from .date_widgets import use_lenient_date_pickers
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        use_lenient_date_pickers()
        use_contributor_page_policy()
