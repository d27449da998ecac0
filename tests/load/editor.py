"""The load test's editor: publishes one practice a second, and says what it published.

Run beside the visitors by ``tests/load/run.sh``::

    python -m tests.load.editor --seconds 180 --out PUBLISHED.json

Each page is made as an editor makes one in Wagtail: a draft under the practices'
index (``add_child``), then a revision published (``save_revision().publish()``),
which writes the search index through the site's own signal handlers, as a
publish in the admin does. A title carries a code of its own, so that a search
for it at the end finds exactly that page.
"""

import argparse
import json
import os
import secrets
import time
import traceback


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from ciao.models import Ambito
    from practices.models import PracticeIndexPage, PracticePage

    editor = get_user_model().objects.get(username="redazione")
    ambiti = list(Ambito.objects.order_by("pk"))
    run = secrets.token_hex(3)
    published, errors, timings = [], [], []
    start = time.monotonic()
    n = 0
    while time.monotonic() - start < args.seconds:
        due = start + n
        time.sleep(max(0.0, due - time.monotonic()))
        n += 1
        code = f"carico{run}n{n}"
        began = time.monotonic()
        try:
            index = PracticeIndexPage.objects.get()
            page = PracticePage(
                title=f"Pratica pubblicata sotto carico {code}",
                slug=code,
                summary=f"Una pratica pubblicata dalla redazione durante la prova di carico ({code}).",
                ambito=ambiti[n % len(ambiti)],
                live=False,
            )
            index.add_child(instance=page)
            page.save_revision(user=editor).publish(user=editor)
            published.append({"pk": page.pk, "title": page.title, "code": code, "url": page.url})
        except Exception:  # noqa: BLE001 - every failure is reported in the figures
            errors.append(traceback.format_exc(limit=6))
        timings.append(time.monotonic() - began)
    with open(args.out, "w") as f:
        json.dump({"published": published, "errors": errors, "seconds": timings}, f, indent=1)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ciao.settings")
    main()
