"""Feeds and calendar files that programs fetch again and again: an ETag, a lifetime, and 304s.

Feed readers and calendar programs ask every few minutes or hours; when nothing
changed they get an empty 304 instead of the whole file. The ETag is a digest
of the body, so it changes exactly when the content does.

No Last-Modified: the newest item's date (what Django's syndication framework
sends) stays the same when an item is unpublished or an event drops out of the
upcoming ones, and a client asking ``If-Modified-Since`` would then be told
that nothing changed.
"""

import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control

# Long enough to spare a calendar program's every refresh, short enough that a
# published event shows within minutes; the server's own page cache is dropped at once.
FEED_MAX_AGE = 300


def revalidatable(request, response, max_age=FEED_MAX_AGE, private=False):
    """``response`` with an ETag and Cache-Control, or a 304 if the client already holds it.

    ``private``: only the client may keep it (a calendar whose address is a secret).
    """
    if response.status_code != 200 or response.streaming:
        return response
    if response.has_header("Last-Modified"):
        del response["Last-Modified"]
    response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    if private:
        patch_cache_control(response, private=True, max_age=0)
    else:
        patch_cache_control(response, public=True, max_age=max_age)
    return get_conditional_response(request, etag=response["ETag"], response=response)
