"""Search backend settings: our Whoosh backend in a given folder, or Wagtail's database backend.

No model imports: ``tests/conftest.py`` uses these before any test runs.
"""


def whoosh_settings(path, **extra):
    """WAGTAILSEARCH_BACKENDS with our Whoosh backend keeping its index in ``path``."""
    return {
        "default": {
            "BACKEND": "search.backend",
            "PATH": str(path),
            "LANGUAGE": "it",
            "REBUILD_WORKERS": 0,
            **extra,
        }
    }


DATABASE_SETTINGS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
