"""Parts of a page worth keeping rendered: they read other pages, and change only when those do.

A practice page's «Pratiche simili in altri ambiti», a material's linked
practices and «Altri materiali»: their queries and cards cost as much as the
rest of the page. A member sees them as a visitor does (they list live public
pages only), so, unlike whole pages, they are kept for everybody. The page's
template wraps them in ``{% wagtailpagecache fragment_seconds "name"
fragment_generation %}``: Wagtail adds the page's own state and the site to the
key, and skips the cache in previews; the page cache's generation drops them at
once when any page is published, unpublished, moved or deleted, or a vocabulary,
a tag or a view restriction changes. Kept in the ``template_fragments`` cache,
where Django's and Wagtail's cache tags look.
"""

from django.conf import settings

from . import generation


def fragment_context():
    """What a page's template needs for its ``{% wagtailpagecache %}`` blocks."""
    return {"fragment_seconds": settings.FRAGMENT_CACHE_SECONDS, "fragment_generation": generation.current()}
