"""Load a corpus into the database as live ``StandardPage``s, fast.

``add_child`` and revisions would take minutes for 20,000 pages, so rows are
inserted in bulk: the ``Page`` rows (with their tree paths) through the ORM,
the ``StandardPage`` rows with one ``executemany``. The tree is the home page
with 20 section pages, each holding an equal share of the corpus.
"""

import datetime
import json
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

SECTIONS = 20
STEP = 4  # treebeard's path step length for wagtail's Page
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    digits = ""
    for _ in range(STEP):
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits


def make_home():
    """A live home page for the benchmark's pages, under the tree's root."""
    from ciao.models import HomePage

    home = HomePage(title="CIAO! Comunità di pratica", slug="ciao-bench", live=True)
    Page.get_first_root_node().add_child(instance=home)
    return Page.objects.get(pk=home.pk)


def load_pages(home, corpus_pages):
    """Insert ``corpus_pages`` as live StandardPages under ``home``; returns their pks."""
    from ciao.models import StandardPage

    content_type = ContentType.objects.get_for_model(StandardPage)
    locale = Locale.get_default()
    now = timezone.now()
    table = connection.ops.quote_name(StandardPage._meta.db_table)
    first_child = home.numchild + 1

    def page_row(title, path, depth, url_path, slug, numchild, published):
        return Page(
            title=title,
            draft_title=title,
            slug=slug,
            path=path,
            depth=depth,
            numchild=numchild,
            url_path=url_path,
            content_type=content_type,
            locale=locale,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
            live_revision=None,
            translation_key=uuid.uuid4(),
        )

    per_section = -(-len(corpus_pages) // SECTIONS)
    sections, pages = [], []
    for s in range(SECTIONS):
        share = corpus_pages[s * per_section : (s + 1) * per_section]
        slug = f"sezione-{s}"
        path = home.path + _step(first_child + s)
        sections.append(
            (
                page_row(f"Sezione {s}", path, home.depth + 1, f"{home.url_path}{slug}/", slug, len(share), now),
                "",
                [],
            )
        )
        for n, corpus_page in enumerate(share, start=1):
            number = s * per_section + n
            child_slug = f"pagina-{number}"
            published = now - datetime.timedelta(minutes=number)
            pages.append(
                (
                    page_row(
                        corpus_page.title,
                        path + _step(n),
                        home.depth + 2,
                        f"{home.url_path}{slug}/{child_slug}/",
                        child_slug,
                        0,
                        published,
                    ),
                    corpus_page.intro,
                    corpus_page.stream_data(),
                )
            )

    with transaction.atomic():
        rows = sections + pages
        created = Page.objects.bulk_create([row[0] for row in rows], batch_size=500)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (page_ptr_id, intro, body) VALUES (%s, %s, %s)",  # noqa: S608 - a model's table
                [
                    (page.pk, intro, json.dumps([{**block, "id": str(uuid.uuid4())} for block in body]))
                    for page, (_row, intro, body) in zip(created, rows, strict=True)
                ],
            )
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + SECTIONS)
    return [page.pk for page in created[SECTIONS:]]
