"""``manage.py search_rebuild``: ``update_index`` reading objects in key order.

Wagtail's ``update_index`` is modelsearch's ``rebuild_modelsearch_index``,
which reads each model in chunks with OFFSET: the database skips over every
row already read, again for each chunk, so the cost grows with the square of
the row count (at 20,000 pages it doubles the time spent reading them; see
the README). This command is that one, options and output included, reading
each chunk as "the next rows after the last primary key" instead
(``chunks.in_key_order``). ``update_index`` keeps working, for any backend.
"""

from modelsearch.management.commands.rebuild_modelsearch_index import (
    DEFAULT_CHUNK_SIZE,
)
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as RebuildCommand,
)

from ..chunks import in_key_order


class Command(RebuildCommand):
    help = "Rebuild the search indexes (as update_index does), reading objects in key order."

    def queryset_chunks(self, qs, chunk_size=DEFAULT_CHUNK_SIZE):
        """Yield ``qs`` (ordered by pk) as lists of at most ``chunk_size`` objects."""
        return in_key_order(qs, chunk_size)
