"""Every address in the site's RSS feeds names the site the same way, whatever host the reader used."""

import re

import pytest
from wagtail.models import Site

pytestmark = pytest.mark.django_db

FEEDS = ["/buone-pratiche/feed/", "/materiali/feed/", "/eventi/feed/"]


@pytest.mark.parametrize("feed", FEEDS)
def test_channel_items_and_files_use_the_sites_own_address(client, demo_site, feed):
    root = Site.objects.get(is_default_site=True).root_url
    # A reader that reached the site by another name and port (a proxy, a tunnel).
    xml = client.get(feed, HTTP_HOST="localhost:8765").content.decode()
    addresses = re.findall(r'(?:href|url)="(https?://[^"]+)"', xml) + re.findall(
        r"<(?:link|guid)>(https?://[^<]+)<", xml
    )
    assert len(addresses) > 3
    assert [a for a in addresses if not a.startswith(root + "/")] == []
