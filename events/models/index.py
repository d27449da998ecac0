"""The events section: listing, month view, archive, feeds and the proposal form."""

from datetime import timedelta

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page

from ciao.blocks import RICH_TEXT_FEATURES
from ciao.home import HomeSection
from ciao.listing import ListingPage
from ciao.roles import OPERATORI
from ciao.sanitize import plain_text

from .. import proposals
from ..calendar_feed import calendar_ics_response
from ..feeds import EventsFeed
from ..listing import EventListing, Mode, section_context
from ..month import is_valid_month, month_context
from ..recurrence import expand, local, month_bounds
from .event import EventPage
from .proposal import EventProposal

HOME_ITEMS = 3


def _first_of_each(occurrences, count):
    # A weekly laboratorio appears once, not three times.
    seen, found = set(), []
    for occurrence in occurrences:
        if occurrence.event.pk not in seen:
            seen.add(occurrence.event.pk)
            found.append(occurrence)
            if len(found) == count:
                break
    return found


def next_events(events, now, count):
    """The next occurrence of each of the ``count`` events coming soonest, in date order.

    Expanding every coming event's dates takes seconds with thousands of them, so only
    those starting before a horizon are expanded: a day after the ``count``-th coming
    event's first date. Any event starting a day or more after it has every occurrence
    after the horizon (an all-day one starts at midnight); if fewer than ``count``
    occurrences fall before it (dates excluded, events cancelled), all are expanded.
    """
    nth_start = events.filter(start__gte=now).order_by("start", "pk").values_list("start", flat=True)[count - 1 : count]
    if nth_start:
        horizon = nth_start[0] + timedelta(days=1)
        found = _first_of_each(expand(events.filter(start__lt=horizon + timedelta(days=1)), window_start=now), count)
        if len(found) == count and found[-1].start < horizon:
            return found
    return _first_of_each(expand(events, window_start=now), count)


class EventIndexPage(ListingPage, RoutablePageMixin, Page):
    show_in_site_search = False  # a listing, not a result of /cerca/ (discovery/__init__.py)
    # Partner practitioners organise events too: they may add them and submit them for review.
    contributor_group = OPERATORI
    new_item_label = _("Nuovo evento")
    child_select_related = ("comune__ambito", "organiser", "image")

    intro = RichTextField(_("introduzione"), features=RICH_TEXT_FEATURES, blank=True)
    proposal_intro = RichTextField(
        _("testo del modulo di proposta"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Appare sopra il modulo con cui i cittadini propongono un evento."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("proposal_intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["ciao.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("elenco degli eventi")

    def listed(self):
        """The events a visitor may see here, with what cards, feeds and JSON-LD read."""
        return (
            EventPage.objects.live()
            .public()
            .child_of(self)
            .select_related("comune", "comune__ambito", "organiser", "image")
            .prefetch_related("exception_dates")
        )

    @classmethod
    def home_section(cls, request, home):
        index = cls.objects.live().public().descendant_of(home).first()
        if index is None:
            return None
        now = timezone.now()
        items = next_events(index.listed().filter(last_end__gt=now), now, HOME_ITEMS)
        return HomeSection(
            title=_("Prossimi eventi"),
            items=items,
            more_url=index.url,
            more_label=_("Tutti gli eventi"),
            order=20,
            item_template="events/includes/occurrence_card.html",
        )

    def render_occurrences(self, request, mode, heading):
        listing = EventListing(self, request.GET, timezone.now(), mode)
        listing.paginate(listing.occurrences())
        return self.render_listing(
            request, listing, occurrences=listing.page, heading=heading, **section_context(self, request, listing)
        )

    @path("")
    def upcoming(self, request):
        return self.render_occurrences(request, Mode.UPCOMING, self.title)

    @path("archivio/")
    def archive(self, request):
        return self.render_occurrences(request, Mode.ARCHIVE, _("Eventi passati"))

    @path("mese/")
    def this_month(self, request):
        today = local(timezone.now()).date()
        return self.month(request, today.year, today.month)

    @re_path(r"^mese/(?P<year>\d{4})/(?P<month>\d{1,2})/$")
    def month(self, request, year, month):
        year, month = int(year), int(month)
        if not is_valid_month(year, month):
            raise Http404(_("Mese non valido"))
        listing = EventListing(self, request.GET, timezone.now(), Mode.MONTH, month_window=month_bounds(year, month))
        return self.render_listing(
            request,
            listing,
            template="events/event_month.html",
            **section_context(self, request, listing),
            **month_context(self, listing, year, month),
        )

    # Reached through events.urls (Wagtail's page URLs have no dots), which adds the slash.
    @re_path(r"^calendario\.ics/?$")
    def calendar_ics(self, request):
        return calendar_ics_response(self, request)

    @path("feed/")
    def rss_feed(self, request):
        return EventsFeed(self)(request)

    @path("proponi/")
    def propose(self, request):
        return proposals.propose(self, request)

    @path("proponi/grazie/")
    def proposal_sent(self, request):
        return proposals.proposal_sent(self, request)

    def add_proposal(self, data, now, slug=None):
        """A citizen's proposal: a draft event here (never live), submitted for review,
        and its proposer's details in an EventProposal that only the redazione sees."""
        with transaction.atomic():
            # Two proposals of the same event at the same moment would both pick the
            # first free slug, and the second save would fail (PostgreSQL). The lock
            # on the index, which adding a child takes anyway, is taken before the
            # slug is chosen. (SQLite's IMMEDIATE transactions already queue writers.)
            list(Page.objects.select_for_update().filter(pk=self.pk).values_list("pk", flat=True))
            page = EventPage(
                title=data["title"],
                slug=slug or self._free_slug(data["title"]),
                summary=plain_text(data["description_html"], limit=300),
                description=data["description_html"],
                start=data["start"],
                end=data["end"],
                comune=data.get("comune"),
                venue=data.get("venue", ""),
                address=data.get("address", ""),
                online_url=data.get("online_url", ""),
                is_free=data["is_free"],
                cost_notes="" if data["is_free"] else data.get("cost", ""),
                organiser_name=data["organiser_name"],
                audience=list(data.get("audience") or []),
                live=False,
            )
            self.add_child(instance=page)
            page.save_revision(log_action=True)
            proposal = EventProposal.objects.create(
                page=page,
                name=data["name"],
                email=data["email"],
                phone=data.get("phone", ""),
                privacy_consent=True,
                consent_at=now,
                message=data.get("message", ""),
            )
            workflow = page.get_workflow()
            if workflow is not None:
                workflow.start(page, None)
        return page, proposal

    def _free_slug(self, title):
        base = slugify(title)[:60].strip("-") or "evento-proposto"
        taken = set(self.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        return slug
