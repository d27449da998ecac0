"""A per-address limit for the public proposal form, kept in the shared cache.

A sliding window of timestamps, not a fixed one: "at most five in any minute",
which is what a person reads in the message. Addresses are hashed before they
become cache keys, so no raw IP address is stored. Two requests racing in
different workers may both pass; for a brake on bots that is acceptable.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from ciao.accounts import client_ip_address

PROPOSALS_PER_MINUTE = 5
WINDOW_SECONDS = 60


def client_address(request):
    """The visitor's address, as login throttling reads it (``ciao.accounts.client_ip_address``).

    ``REMOTE_ADDR``, or behind ``TRUSTED_PROXY_COUNT`` proxies of ours the address
    they wrote into ``X-Forwarded-For``; whatever the client wrote there is ignored.
    """
    return client_ip_address(request) or "unknown"


def _key(scope, address):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"events:throttle:{scope}:{digest}"


def allow(scope, address, limit=PROPOSALS_PER_MINUTE, window=WINDOW_SECONDS, now=None):
    """Record one attempt; False when this address already made ``limit`` in the window."""
    now = time.time() if now is None else now
    key = _key(scope, address)
    recent = [t for t in cache.get(key, []) if t > now - window]
    if len(recent) >= limit:
        cache.set(key, recent, window)
        return False
    recent.append(now)
    cache.set(key, recent, window)
    return True
