"""The convention of index pages that list their children: practices, materials, events."""

from .core import listing_context


class ListingPage:
    """Mixed into an index page model (before ``RoutablePageMixin``).

    - ``listed()`` is the queryset of what the page lists: live, public, its own,
      with what a card reads. The listing, the feed and the calendar start from it,
      so none of them decides again what a visitor may see, and the modules that
      build them need not import the app's models.
    - Its routes build a :class:`~ciao.listing.Listing` of ``listed()`` from the
      request (a function of the app's ``listing`` module) and answer with
      :meth:`render_listing`: the page's template, with the context every listing
      template reads (:func:`~ciao.listing.listing_context`) and their own extras.
    """

    def listed(self):
        raise NotImplementedError(f"{type(self).__name__} must say what it lists")

    def render_listing(self, request, listing, *, template=None, **context):
        return self.render(request, template=template, context_overrides={**listing_context(listing), **context})
