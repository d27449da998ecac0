"""Backend settings for the package's tests: Whoosh in a given folder, or modelsearch's database backend.

Plain values, not fixtures (those are in conftest.py): tests import them from here.
"""


def whoosh_settings(path, **extra):
    return {
        "default": {
            "BACKEND": "search.backend",
            "PATH": str(path),
            "LANGUAGE": "it",
            "REBUILD_WORKERS": 0,
            **extra,
        }
    }


DATABASE_SETTINGS = {"default": {"BACKEND": "modelsearch.backends.database"}}
