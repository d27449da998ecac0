"""Under /accedi/ (included there by ciao/urls.py): the code step and the two-factor settings."""

from django.urls import path

from . import views

urlpatterns = [
    path("codice/", views.CodeStepView.as_view(), name="twofactor_code"),
    path("due-fattori/", views.SetupView.as_view(), name="twofactor_setup"),
    path("due-fattori/codici-di-riserva/", views.NewBackupCodesView.as_view(), name="twofactor_backup_codes"),
    path("due-fattori/disattiva/", views.TurnOffView.as_view(), name="twofactor_turn_off"),
]
