"""/segui/: following content and managing a subscription from its e-mail (DESIGN.md, "Interfaces")."""

from django.urls import path

from .views import following

app_name = "following"

urlpatterns = [
    path("", following.follow, name="follow"),
    path("<str:token>/", following.manage, name="manage"),
    path("<str:token>/disiscriviti/", following.unsubscribe, name="unsubscribe"),
]
