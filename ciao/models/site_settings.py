from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contacts and footer, editable per site by the redazione."""

    organisation_name = models.CharField(
        _("ente di riferimento"), max_length=200, default="A.S.S.E.MI. – Azienda Sociale Sud Est Milano"
    )
    address = models.TextField(_("indirizzo"), blank=True)
    phone = models.CharField(_("telefono"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    pec = models.EmailField(_("PEC"), blank=True)
    opening_hours = models.CharField(_("orari"), max_length=200, blank=True)
    footer_note = models.TextField(
        _("nota a piè di pagina"),
        blank=True,
        help_text=_("Ad esempio il finanziamento del programma."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("dichiarazione di accessibilità"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("informativa privacy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("pec"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contatti"),
        ),
        MultiFieldPanel(
            [FieldPanel("footer_note"), FieldPanel("accessibility_page"), FieldPanel("privacy_page")],
            heading=_("Piè di pagina"),
        ),
    ]

    select_related = ["accessibility_page", "privacy_page"]

    class Meta:
        verbose_name = _("impostazioni del sito")
