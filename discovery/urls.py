"""Discovery's URLs, included at the site's root by ``ciao/urls.py`` (names unchanged)."""

from django.urls import path, re_path

from . import suggestions, tags, views

urlpatterns = [
    path("cerca/", views.search, name="search"),
    path("cerca/suggerimenti/", suggestions.suggestions, name="search_suggestions"),
    path("tag/", tags.tag_index, name="tag_index"),
    # Tags made before ASCII slugs (or by hand) may carry accents: accept any word characters.
    re_path(r"^tag/(?P<slug>[-\w]+)/$", tags.tag_page, name="tag"),
]
