"""/area-riservata/cerca/: search the discussions, meetings and documents of one's groups."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from ciao.listing import paginate

from ..access import visible_groups
from ..forms.group_search import GroupSearchForm
from ..group_search import load, search_groups
from .base import reserved

PER_PAGE = 20


@reserved
def search(request):
    form = GroupSearchForm(visible_groups(request.user), request.GET)
    query = form.valid("q") or ""
    hits = search_groups(form.groups(), query) if query else []
    pagination = paginate(hits, request.GET, per_page=PER_PAGE, params=form.active_params())
    context = {
        "form": form,
        "query": query,
        "filter_messages": form.messages(),
        "pagination": pagination,
        "hits": load(list(pagination.page.object_list), query),
        "crumbs": [(_("Cerca nei gruppi"), "")],
    }
    response = render(request, "community/search.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
