"""The search page's use of ``search.extras``, with plain fallbacks.

``search.extras`` gives highlighted excerpts and spelling suggestions on the
Whoosh backend and empty values elsewhere; here an empty excerpt falls back on
the page's own summary, escaped.
"""

from django.utils.html import escape
from django.utils.text import Truncator

try:
    from . import extras as backend_extras
except ImportError:  # pragma: no cover - only while the extras module is being written
    backend_extras = None

EXCERPT_WORDS = 40


def page_summary(page):
    for attribute in ("listing_summary", "search_description", "intro", "summary"):
        value = getattr(page, attribute, "")
        if value and isinstance(value, str):
            return value
    return ""


def highlight(page, query):
    excerpt = ""
    if backend_extras is not None and hasattr(backend_extras, "highlight"):
        excerpt = backend_extras.highlight(page, query) or ""
    return excerpt or escape(Truncator(page_summary(page)).words(EXCERPT_WORDS))


def spelling_suggestion(query, visible):
    """A correction made only of words that ``visible`` (what the visitor may see) contains."""
    if backend_extras is not None and hasattr(backend_extras, "spelling_suggestion"):
        return backend_extras.spelling_suggestion(query, visible)
    return None
