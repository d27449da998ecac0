"""The project's URLconf: the root that brings every app's URLs together.

It is the one module of ``ciao`` that may import the apps (see tests/test_import_graph.py).
"""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from ciao import accounts, health
from ciao import views as ciao_views
from ciao.api import api_router
from twofactor import login as twofactor_login

urlpatterns = [
    # Wagtail's login with the code step for people with two-factor; before the admin's own.
    path("admin/login/", twofactor_login.AdminLoginView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # /cerca/, /cerca/suggerimenti/, /tag/, /tag/<slug>/
    path("", include("discovery.urls")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", ciao_views.robots_txt, name="robots_txt"),
    path("favicon.ico", ciao_views.favicon),
    path("salute/", health.health, name="health"),
    path("accedi/", twofactor_login.LoginView.as_view(), name="login"),
    # /accedi/codice/ (the code step), /accedi/due-fattori/ (turn two-factor on or off)
    path("accedi/", include("twofactor.urls")),
    path("esci/", accounts.LogoutView.as_view(), name="logout"),
    path("accedi/password/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("accedi/password/inviata/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "accedi/password/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("area-riservata/", include("community.urls")),
    path("segui/", include("community.following_urls")),
    path("accedi/password/fatto/", accounts.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]

if settings.DEBUG:
    from django.views.static import serve

    # Images only. Documents are served by /documents/<id>/<name>, which checks who
    # may see them; their files under media/documents/ must never be reachable directly.
    urlpatterns += [
        re_path(r"^media/(?P<path>(?:original_images|images)/.+)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += [
    # <event index>calendario.ics and <event>evento.ics: Wagtail's page URLs have no dots.
    path("", include("events.urls")),
    path("", include(wagtail_urls)),
]
