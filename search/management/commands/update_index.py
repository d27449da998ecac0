"""``manage.py update_index``: Wagtail's command, reading objects in key order.

modelsearch's rebuild command (which Wagtail's ``update_index`` is) reads each
model in chunks with OFFSET, so the database skips over every row already
read, again for each chunk: the cost grows with the square of the row count
(a quarter of a 20,000-page rebuild). This subclass reads each chunk as "the
next rows after the last primary key", which costs the same for every chunk.
Everything else, options and output included, is the original command; this
app comes before ``wagtail.search`` in ``INSTALLED_APPS``, so it takes its place.
"""

from django.db import transaction
from modelsearch.management.commands.rebuild_modelsearch_index import (
    DEFAULT_CHUNK_SIZE,
)
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as RebuildCommand,
)


class Command(RebuildCommand):
    @transaction.atomic
    def queryset_chunks(self, qs, chunk_size=DEFAULT_CHUNK_SIZE):
        """Yield ``qs`` (ordered by pk) as lists of at most ``chunk_size`` objects."""
        last_pk = None
        while True:
            chunk_qs = qs if last_pk is None else qs.filter(pk__gt=last_pk)
            items = list(chunk_qs[:chunk_size])
            if not items:
                break
            yield items
            last_pk = items[-1].pk
