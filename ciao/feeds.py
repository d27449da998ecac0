"""The base of the site's RSS feeds: every address in a feed names the site as its Site record does.

Django's syndication framework makes the channel's own addresses from the
request's host, while page URLs come from Wagtail's Site; behind a proxy or on
another port the two differ. Feeds here take both from the Site, as the sitemap
and the canonical links do. Each answers a matching ``If-None-Match`` with a 304
(``ciao/revalidation.py``).
"""

from django.contrib.syndication.views import Feed
from wagtail.models import Site

from .revalidation import revalidatable


class SiteFeed(Feed):
    language = "it"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return revalidatable(request, super().__call__(request, *args, **kwargs))

    def absolute_url(self, path):
        """``path`` (e.g. a document's ``/documents/...``) on the site's canonical host."""
        site = Site.find_for_request(self.request)
        return site.root_url + path if site and path.startswith("/") else self.request.build_absolute_uri(path)

    def feed_url(self, obj):
        return self.absolute_url(self.request.get_full_path())
