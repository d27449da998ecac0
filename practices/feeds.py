"""RSS feed of the practices (``<index url>feed/``), with the listing's filters as parameters."""

from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from ciao.feeds import SiteFeed

from .listing import filtered_practices

FEED_SIZE = 20


class PracticeFeed(SiteFeed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        listing, _sort = filtered_practices(index, request.GET)
        return {"index": index, "listing": listing}

    def title(self, obj):
        listing = obj["listing"]
        # Labels from the validated form's choices: no need to count every facet for a title.
        chosen = [str(dict(listing.form.fields[name].choices)[value]) for name, value in listing.active_params()]
        title = _("Buone pratiche – CIAO! Comunità di pratica")
        return f"{title}: {', '.join(chosen)}" if chosen else title

    def link(self, obj):
        query = obj["listing"].querystring()
        return obj["index"].get_full_url(self.request) + (f"?{query}" if query else "")

    def description(self, obj):
        return _("Le ultime buone pratiche pubblicate dagli ambiti di CIAO!")

    def items(self, obj):
        return list(
            obj["listing"].filtered()
            .select_related("ambito")
            .prefetch_related("themes")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )

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
