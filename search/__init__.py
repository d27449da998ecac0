"""Full-text search for Django on Whoosh: a django-modelsearch backend (and so a
Wagtail search backend), Italian analysis, and ``search.extras``.

Only Django, django-modelsearch and Whoosh are needed; see README.md.
"""
