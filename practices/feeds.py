"""RSS feed of the practices (``<index url>feed/``), with the listing's filters as parameters."""

from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from ciao.feeds import SiteFeed

from .listing import filtered_practices

FEED_SIZE = 20


class PracticeFeed(SiteFeed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        return {"index": index, "listing": filtered_practices(index, request.GET)}

    def title(self, obj):
        chosen = [str(value) for _filter, value in obj["listing"].filter_labels()]
        title = _("Buone pratiche – CIAO! Comunità di pratica")
        return f"{title}: {', '.join(chosen)}" if chosen else title

    def link(self, obj):
        return obj["listing"].link(obj["index"].get_full_url(self.request))

    def description(self, obj):
        return _("Le ultime buone pratiche pubblicate dagli ambiti di CIAO!")

    def items(self, obj):
        # Newest first, whatever order the page was sorted in.
        return list(obj["listing"].filtered().order_by("-first_published_at", "-pk")[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        ambito = [item.ambito.name] if item.ambito else []
        return ambito + [theme.name for theme in item.themes.all()]
