"""RSS of upcoming events, with the listing's filters (Django's syndication framework)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ciao.feeds import SiteFeed

from .dates import italian_date
from .listing import EventListing, Mode

MAX_ITEMS = 50


class EventsFeed(SiteFeed):
    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        now = timezone.now()
        listing = EventListing(self.index, request.GET, now, Mode.UPCOMING)
        # One item per event, at its next date: a weekly laboratorio is one item.
        seen, self.items_with_dates = set(), []
        for occurrence in listing.occurrences():
            if occurrence.event.pk in seen:
                continue
            seen.add(occurrence.event.pk)
            self.items_with_dates.append(occurrence)
            if len(self.items_with_dates) == MAX_ITEMS:
                break
        return self.index

    def title(self, index):
        return _("%(title)s – CIAO! Comunità di pratica") % {"title": index.title}

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return _("I prossimi eventi della comunità di pratica CIAO! nel Sud Est Milano.")

    def items(self, index):
        return self.items_with_dates

    def item_title(self, occurrence):
        event = occurrence.event
        when = italian_date(occurrence.start, "j F Y" if event.all_day else "j F Y, H:i")
        title = f"{when} – {event.title}"
        if event.is_cancelled:
            title = _("ANNULLATO: %(title)s") % {"title": title}
        return title

    def item_description(self, occurrence):
        event = occurrence.event
        parts = [event.summary, event.place_label]
        if event.repeat_description:
            parts.append(event.repeat_description)
        return " — ".join(str(p) for p in parts if p)

    def item_link(self, occurrence):
        return occurrence.event.get_full_url(self.request)

    def item_guid(self, occurrence):
        return occurrence.event.get_full_url(self.request)

    def item_pubdate(self, occurrence):
        return occurrence.event.first_published_at

    def item_updateddate(self, occurrence):
        return occurrence.event.last_published_at

    def item_categories(self, occurrence):
        return [occurrence.event.comune.name] if occurrence.event.comune_id else []
