"""The practice's editing form, in tabs an operatore recognises from the good-practice template."""

from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.models import Page


def choice_list(name, **kwargs):
    # Deferred like text fields, so a draft can be saved before every box is ticked.
    return FieldPanel(name, widget=CheckboxSelectMultiple, required_on_save=False, **kwargs)


def practice_edit_handler():
    return TabbedInterface(
        [
            ObjectList(
                [
                    TitleFieldPanel(
                        "title",
                        help_text=_("Un nome breve e chiaro, per esempio «Sportello di ascolto nei quartieri»."),
                    ),
                    FieldPanel("summary"),
                    FieldPanel("ambito"),
                    choice_list("comuni"),
                    MultiFieldPanel(
                        [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
                        heading=_("Periodo"),
                    ),
                    choice_list("themes"),
                    choice_list("target_groups"),
                    FieldPanel("image"),
                    FieldPanel("tags"),
                ],
                heading=_("In breve"),
            ),
            ObjectList(
                [
                    FieldPanel("lead_organisation"),
                    choice_list("partner_organisations"),
                    MultiFieldPanel(
                        [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
                        heading=_("Contatti"),
                        help_text=_("A chi può scrivere un altro ambito che vuole saperne di più."),
                    ),
                ],
                heading=_("Chi la realizza"),
            ),
            ObjectList(
                [
                    FieldPanel("context"),
                    FieldPanel("objectives"),
                    InlinePanel(
                        "steps",
                        label=_("Passo"),
                        heading=_("Come funziona, passo per passo"),
                        help_text=_("I passi nell'ordine in cui li fate."),
                    ),
                ],
                heading=_("Come funziona"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [FieldPanel("staff"), FieldRowPanel([FieldPanel("budget"), FieldPanel("funding_source")])],
                        heading=_("Risorse e costi"),
                    ),
                    FieldPanel("results"),
                    InlinePanel(
                        "indicators",
                        label=_("Indicatore"),
                        heading=_("Indicatori"),
                        help_text=_("Numeri che mostrano i risultati: nome, valore, unità di misura, anno."),
                    ),
                    FieldPanel("evidence"),
                ],
                heading=_("Risultati"),
            ),
            ObjectList(
                [
                    FieldPanel("lessons_learnt"),
                    FieldPanel("transferability"),
                    InlinePanel("attachments", label=_("Allegato"), heading=_("Allegati")),
                ],
                heading=_("Trasferibilità e allegati"),
            ),
            ObjectList(Page.promote_panels, heading=_("Promozione")),
            ObjectList(Page.settings_panels, heading=_("Impostazioni")),
        ]
    )
