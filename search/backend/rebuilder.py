"""modelsearch's rebuilder interface: ``manage.py update_index`` (or
``rebuild_modelsearch_index``) calls ``start()``, ``add_items()`` for each
chunk of objects, then ``finish()``.

The work is the engine's ``IndexBuilder``: a new generation filled beside the
live one (by worker processes for a large rebuild), the writes made meanwhile
replayed, then one atomic swap. Searches never see half an index.
"""

from modelsearch.index import class_is_indexed

from ..engine.building import IndexBuilder, RebuildInProgress


class WhooshRebuilder:
    """Rebuilds one ``WhooshIndex``; ``start()`` returns the rebuilder itself,
    which the command fills as it would fill an index."""

    def __init__(self, index):
        self.index = index
        self.builder = IndexBuilder(index.store, workers=index.backend.rebuild_workers)

    def __str__(self):
        return str(self.index)

    @property
    def build_lock(self):
        return self.builder.build_lock

    def start(self):
        self.builder.start()
        return self

    def add_model(self, model):
        pass

    def add_item(self, item):
        self.add_items(item._meta.model, [item])

    def add_items(self, model, items):
        if class_is_indexed(model) and items:
            self.builder.add(self.index.documents(model, items))

    def finish(self):
        self.builder.finish()


__all__ = ["WhooshRebuilder", "RebuildInProgress"]
