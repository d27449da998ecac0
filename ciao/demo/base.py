"""What every app's demo seeder works with: the seeding context and ``ensure_child``."""

import random
from dataclasses import dataclass, field

from django.utils.text import slugify


@dataclass
class DemoContext:
    home: object
    stdout: object
    users: dict = field(default_factory=dict)
    # Deterministic, so two runs (and two machines) produce the same demo site.
    rng: random.Random = field(default_factory=lambda: random.Random(2020))  # noqa: S311 - demo content, not a secret
    deferred: list = field(default_factory=list)

    def log(self, message):
        self.stdout.write(message)

    def defer(self, step):
        """Run ``step(demo)`` after every app has seeded (e.g. to link pages across apps)."""
        self.deferred.append(step)


def ensure_child(parent, model, title, slug=None, owner=None, publish=True, **fields):
    """Return the child of ``parent`` with this slug, creating (and publishing) it if missing.

    Returns ``(page, created)``.
    """
    slug = slug or slugify(title)[:255]
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    # A new page is live unless told otherwise; a draft must never be visible.
    page = model(title=title, slug=slug, owner=owner, live=publish, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision(user=owner, log_action=False)
    if publish:
        revision.publish(log_action=False)
        page.refresh_from_db()
    return page, True
