"""RSS feed of the materials (``<index url>feed/``), with the listing's filters.

Only live, public materials appear: the feed is built from the same listing as
the page. Each item carries its first file as an enclosure, so a feed reader
can download it.
"""

from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from ciao.feeds import SiteFeed

from .listing import resource_listing

FEED_SIZE = 30


class ResourceFeed(SiteFeed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index_page):
        listing = resource_listing(index_page, request.GET)
        return index_page, listing

    def title(self, obj):
        index_page, listing = obj
        chosen = listing.filter_labels()
        if not chosen:
            return _("%(title)s – CIAO! Comunità di pratica") % {"title": index_page.title}
        filters = ", ".join(str(value) for _filter, value in chosen)
        return _("%(title)s (%(filters)s) – CIAO! Comunità di pratica") % {
            "title": index_page.title,
            "filters": filters,
        }

    def link(self, obj):
        index_page, listing = obj
        return listing.link(index_page.get_full_url(self.request))

    def description(self, obj):
        return _(
            "Dispense, schede e strumenti condivisi da formatrici e formatori di CIAO!, liberi di essere riutilizzati."
        )

    def items(self, obj):
        _index_page, listing = obj
        return list(listing.filtered().order_by("-first_published_at", "pk")[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.authors or (item.organisation.name if item.organisation_id else None)

    def item_categories(self, item):
        return [item.kind_label] + [t.name for t in item.themes.all()]

    def item_enclosures(self, item):
        files = item.files_with_documents()
        if not files:
            return []
        document = files[0].document
        return [
            Enclosure(
                self.absolute_url(document.url),
                str(document.file_size or 0),
                document.content_type,
            )
        ]
