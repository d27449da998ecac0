"""/salute/: whether this process can serve, for the proxy or a monitor in front of it.

Three checks, each "ok" or "errore", and nothing else: no versions, paths,
settings or error text (the address is public). 200 when all pass, 503
otherwise, never cached. The causes go to the log.
"""

import logging
import shutil

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from search import extras

logger = logging.getLogger(__name__)

# Below this much free space in the data folder, uploads and index writes are about to fail.
MIN_FREE_BYTES = 200 * 1024 * 1024


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _search_index():
    # A real search on the index the site uses: it must open and answer.
    extras.ranked_ids(Page.objects.all(), "salute", 1)
    return True


def _disk():
    return shutil.disk_usage(settings.DATA_DIR).free >= MIN_FREE_BYTES


CHECKS = {"database": _database, "search_index": _search_index, "disk": _disk}


@never_cache
@require_GET
def health(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            passed = check()
        except Exception:  # noqa: BLE001 - a failing check is the answer, not an error page
            logger.exception("Health check %s failed", name)
            passed = False
        if not passed:
            logger.error("Health check %s did not pass", name)
        results[name] = "ok" if passed else "errore"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "errore", "checks": results}, status=200 if healthy else 503)
