"""The convention of index pages that list their children: practices, materials, events."""

from functools import cache

from django.http import Http404

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

    def route(self, request, path_components):
        if path_components and not self._is_own_route(path_components):
            child = (
                _child_model(type(self))
                .objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*self.child_select_related)
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail's routing does: no query for the parent
                return child.route(request, path_components[1:])
        # The index's own sub-pages (feed/, mese/...) first, as RoutablePageMixin orders them; a
        # child of another type is found by Wagtail's generic routing.
        return super().route(request, path_components)

    def _is_own_route(self, path_components):
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            return False
        return True

    def render_listing(self, request, listing, *, template=None, **context):
        return self.render(request, template=template, context_overrides={**listing_context(listing), **context})


@cache
def _child_model(index_model):
    """The one page type ``subpage_types`` allows under the index."""
    (model,) = index_model.allowed_subpage_models()
    return model
