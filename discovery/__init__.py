"""What visitors use to find things: the site search page, its suggestions, the tag pages.

- ``/cerca/``: ``views.search``, template ``discovery/search.html`` (429:
  ``discovery/too_many_requests.html``); rate limit per address in ``views.over_rate``;
- ``/cerca/suggerimenti/``: ``suggestions.suggestions`` (JSON);
- ``/tag/``, ``/tag/<slug>/``: ``tags.tag_index``, ``tags.tag_page``, templates
  ``discovery/tag_index.html``, ``discovery/tag_page.html``.

Modules: ``pages`` (which pages a visitor may find), ``ranking`` (every word
first, then some; phrase bonus; freshness), ``synonyms`` (the redazione's
``models.SearchSynonym``, a snippet under Impostazioni), ``site_search`` (the
ranking through the search backend, spelling correction, promotions, "forse
cercavi"), ``facets`` (facets across page types, with exact counts),
``excerpts`` (highlighted excerpts), ``search_cache`` (a query's ranking, facet
counts and excerpts kept until anything they depend on changes), ``query``
(cleaning what a visitor types), ``tags`` (tag pages, popular tags).

Discovery never names a content app's classes or fields. A page model takes
part by declaring, as class attributes (all optional):

``search_facet_lookups``
    ``{facet name: ORM lookup}`` for the facets its pages have on /cerca/ and
    the tag pages, e.g. ``{"ambito": "ambito__slug", "tema": "themes__slug",
    "destinatari": "target_groups__slug", "tag": "tags__slug"}``. Facet names
    are those of :data:`discovery.facets.DECLARED_FACETS` (every page also has
    ``tipo`` and ``anno``); each lookup ends in the ``slug`` of the facet's vocabulary
    (ambito: ``ciao.Ambito``, tema: ``ciao.Theme``, destinatari:
    ``ciao.TargetGroup``, tag: taggit's ``Tag``). Without it: no such facets.
    ``manage.py check`` verifies the declarations (``discovery.E001``, ``discovery.E002``).
``show_in_site_search``
    ``False`` keeps the type out of /cerca/'s results and facets and of the
    tag pages (the home page, index pages). Default ``True``. (Suggestions
    complete the title of any visible page.)
``card_category``, ``card_meta``, ``listing_summary``
    What a result or a card shows besides the title (``templates/includes/card.html``).
``card_select_related``
    The relations those read (``["comune"]``), loaded with the pages: a list
    of cards then costs one query per page type, not one per card.
"""
