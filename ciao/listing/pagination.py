"""Pages of a listing: one page parameter, ``pagina``, and links that keep the other parameters.

The context of ``templates/includes/pagination.html`` is a :class:`Pagination`.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator

from .querystrings import query_url

PER_PAGE = 12
PAGE_PARAM = "pagina"
# Materials, events and the site search paged with "page" before every listing
# used "pagina": links people kept still open the page they name.
OLD_PAGE_PARAM = "page"
PAGE_PARAMS = (PAGE_PARAM, OLD_PAGE_PARAM)


ELLIPSIS = "…"


def requested_page(data):
    """The page number the GET data asks for; the paginator makes a number beyond the end the last page.

    Zero or a negative number means the first page: Django's paginator would
    give the last one, as if the person had counted from the end.
    """
    value = data.get(PAGE_PARAM) or data.get(OLD_PAGE_PARAM)
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def paginate(items, data, per_page=PER_PAGE, params=()):
    """The :class:`Pagination` of ``items`` at the page ``data`` asks for.

    A missing, malformed or out-of-range number gives a real page (the first or
    the last), never an error. ``params`` are the listing's other parameters,
    validated (filters, sort): every page link keeps them.
    """
    return Pagination(Paginator(items, per_page).get_page(requested_page(data)), params)


@dataclass
class PageLink:
    number: object  # an int, or the paginator's ellipsis
    url: str  # empty for the ellipsis
    is_current: bool = False


class Pagination:
    """One page of results, with the links to the others."""

    def __init__(self, page, params=()):
        self.page = page
        self.params = [(name, value) for name, value in params if name not in PAGE_PARAMS]

    def url(self, number):
        """The address of page ``number``: the first page has no page parameter."""
        return query_url(self.params + ([(PAGE_PARAM, number)] if number > 1 else []))

    @property
    def previous_url(self):
        return self.url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self):
        return self.url(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def links(self):
        """Every page, or a window around the current one with the ends, gaps marked by an ellipsis."""
        paginator = self.page.paginator
        numbers = paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1)
        return [
            # Django's ellipsis is translated ("..." in some languages); the page shows "…" in every one.
            PageLink(ELLIPSIS, "", False)
            if n == paginator.ELLIPSIS
            else PageLink(n, self.url(n), n == self.page.number)
            for n in numbers
        ]
