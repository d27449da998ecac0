"""Builders for the tests: plain functions and constants that make test data.

One module per app: ``ciao`` (users), ``practices``, ``resources`` (materials
and their documents), ``events`` (the fixed "now" and Rome times) and
``search`` (search backend settings). Tests import them directly, e.g.
``from tests.factories.resources import make_material``.

Nothing here is a fixture: fixtures live in the ``conftest.py`` files, which
may call these builders; tests never import from a ``conftest.py``. The
browser tests' page helpers (axe, screenshots, logging in) are in
``tests/browser/helpers.py``.

This package imports nothing: each module imports what it needs, so
``tests.factories.search`` can be used where the site's apps are not loaded.
"""
