"""The events section: listing, month view, archive, feeds and the proposal form."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ciao.blocks import RICH_TEXT_FEATURES
from ciao.roles import OPERATORI


class EventIndexPage(RoutablePageMixin, Page):
    # Partner practitioners organise events too: they may add them and submit them for review.
    contributor_group = OPERATORI
    new_item_label = _("Nuovo evento")

    intro = RichTextField(_("introduzione"), features=RICH_TEXT_FEATURES, blank=True)
    proposal_intro = RichTextField(
        _("testo del modulo di proposta"), features=RICH_TEXT_FEATURES, blank=True,
        help_text=_("Appare sopra il modulo con cui i cittadini propongono un evento."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("proposal_intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["ciao.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("elenco degli eventi")

    @classmethod
    def home_section(cls, request, home):
        from .. import views

        return views.home_section(request, home)

    @path("")
    def upcoming(self, request):
        from .. import views

        return views.upcoming(self, request)

    @path("archivio/")
    def archive(self, request):
        from .. import views

        return views.archive(self, request)

    @path("mese/")
    def this_month(self, request):
        from .. import views

        return views.this_month(self, request)

    @re_path(r"^mese/(?P<year>\d{4})/(?P<month>\d{1,2})/$")
    def month(self, request, year, month):
        from .. import views

        return views.month(self, request, int(year), int(month))

    # Reached through events.urls (Wagtail's page URLs have no dots), which adds the slash.
    @re_path(r"^calendario\.ics/?$")
    def calendar_ics(self, request):
        from ..calendar_feed import calendar_ics_response

        return calendar_ics_response(self, request)

    @path("feed/")
    def rss_feed(self, request):
        from ..feeds import EventsFeed

        return EventsFeed(self)(request)

    @path("proponi/")
    def propose(self, request):
        from ..proposals import propose

        return propose(self, request)

    @path("proponi/grazie/")
    def proposal_sent(self, request):
        from ..proposals import proposal_sent

        return proposal_sent(self, request)
