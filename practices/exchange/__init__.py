"""Exchange between ambiti: one practice as a JSON file, exported here and imported elsewhere.

- ``export``: the practice as the exchange format (the page's "esporta/" route uses it);
- ``validation``: reading a file, field by field, with messages in Italian;
- ``importer``: a draft practice from a file, all of it or nothing;
- ``admin_views``: the import in the admin.

The package imports none of them: the practice model imports ``export``, and
``importer`` and ``validation`` import the model.
"""
