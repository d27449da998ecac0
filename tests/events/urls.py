"""The site's URLconf with events.urls in front, as ciao/urls.py is asked to include it.

Harmless once ciao/urls.py includes events.urls itself (the first match wins).
"""

from django.urls import include, path

from ciao.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("", include("events.urls")), *site_urlpatterns]
