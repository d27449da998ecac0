"""Demo content: the site's own, and the helpers the apps' demo seeders share.

``manage.py seed_demo`` makes the home page and the demo users, then runs the
``seed(demo)`` of every installed app's ``demo`` package in INSTALLED_APPS order
(this one first: the site's standard pages), so the apps add their pages
without ``ciao`` importing them; then the steps they deferred. Every step looks
up what exists by slug first: running the command twice changes nothing.
"""

from .base import DemoContext, ensure_child
from .site import seed_dossiers, seed_site

__all__ = ["DemoContext", "ensure_child", "seed"]


def seed(demo):
    seed_site(demo)
    demo.defer(seed_dossiers)
