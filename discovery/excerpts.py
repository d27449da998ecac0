"""What a search result shows under its title: the words found, highlighted, or the page's summary.

``search.extras.highlight`` gives highlighted excerpts on the Whoosh backend and
"" elsewhere; an empty excerpt falls back on the page's own summary, escaped.
"""

from django.utils.html import escape
from django.utils.text import Truncator

from search import extras

EXCERPT_WORDS = 40


def page_summary(page):
    for attribute in ("listing_summary", "search_description", "intro", "summary"):
        value = getattr(page, attribute, "")
        if value and isinstance(value, str):
            return value
    return ""


def excerpt(page, query):
    """Safe HTML: where ``query``'s words appear in ``page``, else the start of its summary."""
    found = extras.highlight(page, query) or ""
    return found or escape(Truncator(page_summary(page)).words(EXCERPT_WORDS))
