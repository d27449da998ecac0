"""The list of practices, with its sub-pages: the RSS feed and the comparison between ambiti."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ciao.blocks import RICH_TEXT_FEATURES
from ciao.home import HomeSection
from ciao.listing import ListingPage
from ciao.roles import OPERATORI
from practices.comparison import ambito_comparison
from practices.feeds import PracticeFeed
from practices.listing import practice_listing

from .practice import PracticePage

HOME_SECTION_SIZE = 3


class PracticeIndexPage(ListingPage, RoutablePageMixin, Page):
    show_in_site_search = False  # a listing, not a result of /cerca/ (discovery/__init__.py)
    contributor_group = OPERATORI
    new_item_label = _("Nuova buona pratica")
    child_select_related = ("ambito", "lead_organisation", "image")

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

    def listed(self):
        """The practices a visitor may see here: live, public, under this page, with what a card reads."""
        return (
            PracticePage.objects.live().public().descendant_of(self).select_related("ambito").prefetch_related("themes")
        )

    # The name the practices app reads it by (the comparison, the tests).
    practices = listed

    @path("")
    def listing(self, request):
        listing = practice_listing(self, request.GET)
        feed_url = listing.link(self.get_url(request) + self.reverse_subpage("feed"))
        return self.render_listing(request, listing, practices=listing.page, feed_url=feed_url)

    @path("feed/")
    def feed(self, request):
        return PracticeFeed()(request, index=self)

    @path("confronto/", name="comparison")
    def comparison(self, request):
        return self.render(
            request,
            template="practices/comparison.html",
            context_overrides={"comparison": ambito_comparison(self)},
        )

    @classmethod
    def home_section(cls, request, home):
        items = (
            PracticePage.objects.live()
            .public()
            .descendant_of(home)
            .select_related("ambito")
            .order_by("-first_published_at")[:HOME_SECTION_SIZE]
        )
        index_page = cls.objects.live().public().descendant_of(home).first()
        return HomeSection(
            title=_("Ultime buone pratiche"),
            items=list(items),
            more_url=index_page.url if index_page else "",
            more_label=_("Tutte le buone pratiche"),
            order=10,
        )
