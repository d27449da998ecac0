"""Seed the load test's site: the demo, then real pages up to ``--pages``, then the index.

Run by ``tests/load/run.sh`` (``make loadtest``) with the settings of the served site::

    python -m tests.load.seed --pages 20000 --plan PLAN.json --member-password SECRET

The demo's password is refused in production mode, so the demo member gets the
password the locust member user will log in with. ``--plan`` receives what the
visitors request: sample detail pages, tags, listings and words to search.
Each step's duration is printed (the seeding time is one of the figures).
"""

import argparse
import json
import os
import random
import secrets
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--member-password", required=True)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from events.models import EventIndexPage, EventPage
    from practices.models import PracticeIndexPage, PracticePage
    from resources.models import ResourceIndexPage, ResourcePage
    from tests.bench.real_pages import load_real_pages, seed_site

    kinds = (PracticePage, ResourcePage, EventPage)
    timings = {}
    started = time.monotonic()
    seed_site()
    timings["seed_demo"] = time.monotonic() - started

    started = time.monotonic()
    present = sum(model.objects.count() for model in kinds)
    if present < args.pages:
        load_real_pages(args.pages - present)
    timings["load_pages"] = time.monotonic() - started

    started = time.monotonic()
    # search_rebuild is update_index reading by key: the same index, faster at this size (search/README.md).
    call_command("search_rebuild", verbosity=0)
    timings["index"] = time.monotonic() - started

    # Production mode refuses to start while a demo account keeps the public demo password.
    for user in get_user_model().objects.all():
        user.set_password(args.member_password if user.username == "membro" else secrets.token_urlsafe(24))
        user.save(update_fields=["password"])

    rng = random.Random(17)

    def sample(model, n):
        ids = list(model.objects.live().public().values_list("pk", flat=True))
        return [page.url for page in model.objects.filter(pk__in=rng.sample(ids, min(n, len(ids))))]

    from taggit.models import Tag

    tags = list(Tag.objects.filter(taggit_taggeditem_items__isnull=False).distinct().values_list("slug", flat=True))
    tags = tags or list(Tag.objects.values_list("slug", flat=True))
    titles = list(PracticePage.objects.live().values_list("title", flat=True)[:2000])
    words = sorted({w.lower().strip(".,;:()«»'") for t in titles for w in t.split() if len(w) > 5})
    plan = {
        "listings": {
            "practices": PracticeIndexPage.objects.get().url,
            "materials": ResourceIndexPage.objects.get().url,
            "events": EventIndexPage.objects.get().url,
        },
        "details": {
            "practices": sample(PracticePage, 300),
            "materials": sample(ResourcePage, 300),
            "events": sample(EventPage, 300),
        },
        "tags": rng.sample(tags, min(50, len(tags))),
        "words": rng.sample(words, min(200, len(words))),
        "pages": sum(model.objects.count() for model in kinds),
        "timings": timings,
    }
    with open(args.plan, "w") as f:
        json.dump(plan, f, indent=1)
    print(
        f"Seeded {plan['pages']} pages: demo {timings['seed_demo']:.0f} s, pages {timings['load_pages']:.0f} s, "
        f"index {timings['index']:.0f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ciao.settings")
    main()
