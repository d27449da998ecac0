"""What every reserved-area view starts with: who is asking, and may they.

``reserved`` wraps a view: anonymous visitors go to the login (which says the
area is reserved); a logged-in person who may not enter gets a 403 page that
says why. ``group_for`` takes a group the person may see, or raises 404 (a
group one is not in does not exist, as far as its address tells).
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from ..access import is_redazione, may_enter, may_manage_group, may_see_group, member_of


def reserved(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_enter(request.user):
            return render(request, "community/not_a_member.html", status=403)
        request.member = member_of(request.user)
        request.is_redazione = is_redazione(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def signed_in(view):
    """As ``reserved``, but any logged-in person gets in: the view decides what they may see.

    For what a page's author does about their pages (answering questions): an
    operatrice who wrote a practice may have no member profile.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        request.member = member_of(request.user)
        request.is_redazione = is_redazione(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def group_for(request, slug):
    """The working group ``slug`` if the person may see it; 404 otherwise (never a hint that it exists)."""
    from ..models import WorkingGroup

    group = WorkingGroup.objects.filter(slug=slug).first()
    if group is None or not may_see_group(request.user, group):
        raise Http404
    return group


def managed_group_for(request, slug):
    """The group ``slug`` if the person coordinates it (or is the redazione); 403 if only a member."""
    group = group_for(request, slug)
    if not may_manage_group(request.user, group):
        raise PermissionDenied(_("Questa parte del gruppo è per chi lo coordina e per la redazione."))
    return group
