"""A django-modelsearch backend on Whoosh (and so a Wagtail search backend).

Configure it with::

    WAGTAILSEARCH_BACKENDS = {   # or MODELSEARCH_BACKENDS outside Wagtail
        "default": {
            "BACKEND": "search.backend",
            "PATH": "/path/to/index/folder",   # created if missing
            "LANGUAGE": "it",                  # text analysis: "it", "en", ...
            "LOCK_TIMEOUT": 10,                # seconds a save may wait for the index
            "REBUILD_WORKERS": 2,              # processes writing a large update_index
        }                                      #   (default: the CPUs, at most 4; 0: none)
    }

Each root model (e.g. Wagtail's ``Page``, with all page types) gets its own
Whoosh index in a subfolder of ``PATH``. Changing ``LANGUAGE`` takes effect at
the next ``update_index``: until then queries keep the index's own analysis.

This is the modelsearch plug-in, as modelsearch's own backends are split:
``query`` (the query compiler), ``results``, ``index`` (writes), ``rebuilder``
and ``mapping`` (from model instances to documents); ``features`` for
``search.extras``. The Whoosh work is ``search.engine``'s.
"""

import os

from django.core.exceptions import ImproperlyConfigured
from modelsearch.backends.base import BaseSearchBackend, get_model_root

from .index import IndexWriteError, WhooshIndex
from .query import WhooshAutocompleteQueryCompiler, WhooshSearchQueryCompiler
from .rebuilder import RebuildInProgress, WhooshRebuilder
from .results import WhooshSearchResults


class WhooshSearchBackend(BaseSearchBackend):
    query_compiler_class = WhooshSearchQueryCompiler
    autocomplete_query_compiler_class = WhooshAutocompleteQueryCompiler
    results_class = WhooshSearchResults
    index_class = WhooshIndex
    rebuilder_class = WhooshRebuilder
    # A failed index write is logged by modelsearch's signal handlers and the
    # save goes on; ``manage.py search_check --repair`` catches up later.
    catch_indexing_errors = True

    def __init__(self, params):
        super().__init__(params)
        params = dict(params)
        path = params.pop("PATH", None)
        if not path:
            raise ImproperlyConfigured("The Whoosh search backend needs a PATH setting")
        self.path = str(path)
        self.language = params.pop("LANGUAGE", "it")
        self.lock_timeout = float(params.pop("LOCK_TIMEOUT", 10))
        # Processes writing a large rebuild in parallel (0 or 1: none).
        self.rebuild_workers = int(params.pop("REBUILD_WORKERS", min(os.cpu_count() or 1, 4)))

    def get_index_for_model(self, model):
        root = get_model_root(model)
        return self.index_class(self, f"{root._meta.app_label}_{root._meta.model_name}")


SearchBackend = WhooshSearchBackend

__all__ = [
    "SearchBackend",
    "WhooshSearchBackend",
    "IndexWriteError",
    "RebuildInProgress",
]
