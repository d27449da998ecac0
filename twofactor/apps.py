from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "twofactor"
    verbose_name = _("Verifica in due passaggi")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .session import decide_on_login

        user_logged_in.connect(decide_on_login, dispatch_uid="twofactor.decide_on_login")
