"""The processes of the concurrency test (``python -m tests.search_integration.concurrency ROLE ...``).

Each prints one JSON line on stdout: what the test checks.
"""

import json
import sys
import time
import traceback
from pathlib import Path


def setup(sections):
    from django.core.management import call_command

    from ciao.demo.site import ensure_home_page
    from ciao.models import StandardPage

    call_command("migrate", verbosity=0)
    home, _site = ensure_home_page()
    parents = []
    for n in range(int(sections)):
        section = StandardPage(title=f"Sezione {n}", slug=f"sezione-{n}")
        home.add_child(instance=section)
        section.save_revision().publish()
        parents.append(section.pk)
    # Vocabularies seeded by migrations are only indexed by a rebuild.
    call_command("update_index", verbosity=0)
    return {"parents": parents}


def publish(parent_id, count, word):
    from ciao.models import StandardPage

    parent = StandardPage.objects.get(pk=parent_id)
    started = time.monotonic()
    for n in range(int(count)):
        page = StandardPage(title=f"Notizia {parent_id}-{n} {word}", slug=f"notizia-{parent_id}-{n}")
        parent.add_child(instance=page)
        page.save_revision().publish()
    return {"published": int(count), "seconds": round(time.monotonic() - started, 1)}


def search(word, stop_file):
    """Search ``word`` over and over until ``stop_file`` exists."""
    from wagtail.models import Page

    shown, totals, errors = [], [], []
    while not Path(stop_file).exists():
        try:
            results = Page.objects.live().search(word)
            shown.append(len(list(results[:10])))
            totals.append(results.count())
        except Exception:  # noqa: BLE001 - what the test is looking for
            errors.append(traceback.format_exc())
        time.sleep(0.01)
    return {"shown": shown, "totals": totals, "errors": errors}


def check(word):
    """What the index holds once the dust has settled."""
    from io import StringIO

    from django.core.management import CommandError, call_command
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    _generation, whoosh_index = get_search_backend().get_index_for_model(Page).store.open_live()
    with whoosh_index.searcher() as searcher:
        documents = searcher.doc_count()
    out = StringIO()
    try:
        call_command("search_check", stdout=out)
        consistent = True
    except CommandError:
        consistent = False
    return {
        "found": Page.objects.live().search(word).count(),
        "documents": documents,
        "consistent": consistent,
        "report": out.getvalue(),
    }


def rebuild():
    from io import StringIO

    from django.core.management import call_command

    call_command("update_index", stdout=StringIO())
    return {"rebuilt": True}


if __name__ == "__main__":
    import django

    django.setup()
    role, *args = sys.argv[1:]
    print(json.dumps(globals()[role](*args)))
