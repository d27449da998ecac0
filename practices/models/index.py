"""The list of practices, with its sub-pages: the RSS feed and the comparison between ambiti."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ciao.blocks import RICH_TEXT_FEATURES
from ciao.roles import OPERATORI


class PracticeIndexPage(RoutablePageMixin, Page):
    contributor_group = OPERATORI
    new_item_label = _("Nuova buona pratica")

    intro = RichTextField(_("introduzione"), features=RICH_TEXT_FEATURES, blank=True)
    require_complete_records = models.BooleanField(
        _("richiedi la scheda completa"),
        default=True,
        help_text=_(
            "Se attivo, una pratica si può inviare in revisione o pubblicare solo con tutti i campi "
            "della scheda compilati (comuni, periodo, temi, destinatari, ente e contatti, contesto, "
            "obiettivi, almeno un passo, risultati). Le bozze si possono sempre salvare."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("require_complete_records")], heading=_("Schede delle pratiche")),
    ]

    parent_page_types = ["ciao.HomePage"]
    subpage_types = ["practices.PracticePage"]

    class Meta:
        verbose_name = _("elenco delle buone pratiche")

    def practices(self):
        """The practices a visitor may see here: live, public, under this page."""
        from .practice import PracticePage

        return PracticePage.objects.live().public().descendant_of(self)

    @path("")
    def listing(self, request):
        from practices.listing import practice_listing

        return self.render(request, context_overrides={"listing": practice_listing(self, request.GET)})

    @path("feed/")
    def feed(self, request):
        from practices.feeds import PracticeFeed

        return PracticeFeed()(request, index=self)

    @path("confronto/", name="comparison")
    def comparison(self, request):
        from practices.comparison import ambito_comparison

        return self.render(
            request,
            template="practices/comparison.html",
            context_overrides={"comparison": ambito_comparison(self)},
        )
