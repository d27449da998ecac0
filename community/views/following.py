"""/segui/ and /segui/<token>/: following content, for anyone, and managing it from the e-mail.

Not behind ``reserved``: citizens need no account. A logged-in member's
subscription is their own (confirmed, with their groups); anyone else confirms
by e-mail. The token in the address is the only key to a subscription.
"""

import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from taggit.models import Tag

from ciao.models import Ambito, TargetGroup, Theme

from .. import subscriptions
from ..access import member_of
from ..forms.following import FollowForm
from ..models import Subscription, WorkingGroup

MAX_TOKEN_LENGTH = 64
# ?tema=<slug> and the like preselect a choice: the "Segui" links on the site's pages use them.
PRESELECT = {"tema": ("themes", Theme), "ambito": ("ambiti", Ambito), "destinatari": ("target_groups", TargetGroup)}


def _param(request, name, length=150):
    # A NUL is no slug, and PostgreSQL refuses it in a query.
    return request.GET.get(name, "").replace("\x00", "")[:length]


def _preselected(request):
    initial = {}
    for param, (name, model) in PRESELECT.items():
        slug = _param(request, param)
        if slug:
            initial[name] = list(model.objects.filter(slug=slug))
    if _param(request, "tag"):
        initial["tags"] = list(Tag.objects.filter(slug=_param(request, "tag", 100)))
    if _param(request, "pagina", 11).isdigit():
        initial["pages"] = [_param(request, "pagina", 11)]
    if _param(request, "gruppo"):
        initial["groups"] = list(WorkingGroup.objects.filter(slug=_param(request, "gruppo")))
    return initial


def _current(subscription):
    return {
        "frequency": subscription.frequency,
        "themes": list(subscription.themes.all()),
        "ambiti": list(subscription.ambiti.all()),
        "target_groups": list(subscription.target_groups.all()),
        "tags": list(subscription.tags.all()),
        "pages": list(subscription.pages.all()),
        "groups": list(subscription.groups.all()),
    }


def _merged(base, extra):
    merged = dict(base)
    for name, values in extra.items():
        merged[name] = list(merged.get(name, [])) + [v for v in values if v not in merged.get(name, [])]
    return merged


@never_cache
@require_http_methods(["GET", "POST"])
def follow(request):
    member = member_of(request.user) if request.user.is_authenticated else None
    existing = Subscription.objects.filter(member=member).first() if member else None
    initial = _merged(_current(existing) if existing else {}, _preselected(request))
    if member is None and request.user.is_authenticated and request.user.email:
        initial["email"] = request.user.email
    data = request.POST if request.method == "POST" else None
    form = FollowForm(data, initial=initial, member=member, with_email=member is None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            frequency = form.cleaned_data["frequency"]
            if member is not None:
                subscriptions.subscribe_member(member, frequency, form.cleaned_data)
                messages.success(request, _("Fatto: riceverai gli aggiornamenti su ciò che hai scelto."))
                return redirect("following:follow")
            subscriptions.subscribe_citizen(form.cleaned_data["email"], frequency, form.cleaned_data)
            return render(request, "community/following/check_your_mail.html", {"email": form.cleaned_data["email"]})
        status = 400
    context = {"form": form, "member": member, "subscription": existing}
    return render(request, "community/following/follow.html", context, status=status)


TOKEN_CHARACTERS = re.compile(r"[A-Za-z0-9_-]+")


def _find(request, token):
    """(subscription, None) or (None, an Italian page saying why the link does not work)."""
    subscription = None
    # Tokens are URL-safe base64; anything else (a NUL, which PostgreSQL refuses in a query) is no token.
    if 0 < len(token) <= MAX_TOKEN_LENGTH and TOKEN_CHARACTERS.fullmatch(token):
        subscription = Subscription.objects.filter(token=token).select_related("member__user").first()
    if subscription is None:
        return None, render(request, "community/following/bad_link.html", {"reason": "unknown"}, status=404)
    if subscription.confirmation_expired:
        return None, render(request, "community/following/bad_link.html", {"reason": "expired"}, status=410)
    return subscription, None


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscription, refusal = _find(request, token)
    if refusal:
        return refusal
    action = request.POST.get("azione", "") if request.method == "POST" else ""
    if action == "conferma":
        subscriptions.confirm(subscription)
        messages.success(request, _("Iscrizione confermata: da ora ricevi gli aggiornamenti che hai scelto."))
        return redirect("following:manage", token=token)
    if action == "riattiva":
        subscriptions.resubscribe(subscription)
        messages.success(request, _("Iscrizione riattivata."))
        return redirect("following:manage", token=token)
    context = {"subscription": subscription, "token": token}
    if subscription.confirmed_at is None or subscription.unsubscribed_at is not None:
        # Nothing to edit before confirming, or after leaving: only the button that changes that.
        return render(request, "community/following/manage.html", context, status=400 if action else 200)
    member = subscription.member
    data = request.POST if action == "salva" else None
    form = FollowForm(data, initial=_current(subscription), member=member, with_email=False)
    status = 200
    if data is not None:
        if form.is_valid():
            subscriptions.update(subscription, form.cleaned_data["frequency"], form.cleaned_data)
            messages.success(request, _("Modifiche salvate."))
            return redirect("following:manage", token=token)
        status = 400
    elif request.method == "POST":
        status = 400
    context["form"] = form
    return render(request, "community/following/manage.html", context, status=status)


# Mail programs post here without a CSRF token (RFC 8058 one-click); the token in the address
# is the authority, and the worst a forged post can do is stop one subscription whose token it knows.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscription, refusal = _find(request, token)
    if refusal:
        return refusal
    if request.method == "POST":
        subscriptions.unsubscribe(subscription)
        return render(request, "community/following/unsubscribed.html", {"subscription": subscription, "token": token})
    return render(request, "community/following/unsubscribe.html", {"subscription": subscription, "token": token})
