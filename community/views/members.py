"""The members' directory, a member's profile, one's own profile and personal data."""

import json

from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_tasks import task

from ciao.listing import paginate

from ..access import visible_groups
from ..forms.directory import DirectoryFilterForm
from ..forms.profile import ProfileForm
from ..models import Action, Adoption, Invitation, Member, Post, Question, SharedDocument, Subscription, Thread
from .base import reserved

PER_PAGE = 24


def directory_members():
    """Every active member, with what a directory card shows loaded in a fixed number of queries."""
    return (
        Member.objects.filter(user__is_active=True)
        .select_related("user", "organisation", "ambito")
        .prefetch_related("themes", "expertise")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def shows_contacts(request, member):
    """Contacts are for the redazione and the person; for other members only if they chose so."""
    return member.show_contacts or request.is_redazione or member == request.member


@reserved
def directory(request):
    form = DirectoryFilterForm(request.GET)
    pagination = paginate(form.filter(directory_members()), request.GET, per_page=PER_PAGE, params=form.active_params())
    context = {
        "form": form,
        "filter_messages": form.messages(),
        "pagination": pagination,
        "cards": [(member, shows_contacts(request, member)) for member in pagination.page.object_list],
        "crumbs": [(_("Persone"), "")],
    }
    return render(request, "community/directory.html", context)


@reserved
def profile(request, pk):
    member = get_object_or_404(directory_members().prefetch_related("target_groups"), pk=pk)
    memberships = member.memberships.select_related("group").order_by("group__sort_order", "group__name")
    visible = set(visible_groups(request.user).values_list("pk", flat=True))
    context = {
        "member": member,
        "is_own": member == request.member,
        "show_contacts": shows_contacts(request, member),
        "memberships": [(m, m.group_id in visible) for m in memberships],
        "crumbs": [(_("Persone"), reverse("community:directory")), (member.name, "")],
    }
    return render(request, "community/member.html", context)


@reserved
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    member = request.member
    context = {"member": member, "crumbs": [(_("Il mio profilo"), "")]}
    if member is None:
        # A redazione account without a profile: nothing of its own to show the members.
        return render(request, "community/my_profile.html", context)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=member)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Profilo salvato."))
            return redirect("community:my_profile")
        status = 400
    context.update(
        form=form, calendar_url=request.build_absolute_uri(reverse("community:calendar", args=[member.calendar_token]))
    )
    return render(request, "community/my_profile.html", context, status=status)


# Personal data (GDPR articles 15, 17 and 20)


def _names(items):
    return [item.name for item in items]


def personal_data(member):
    """Everything the site holds about ``member``, as JSON-ready data."""
    user = member.user
    invitations = (
        (Invitation.objects.filter(email__iexact=user.email) if user.email else Invitation.objects.none())
        .select_related("organisation", "ambito")
        .prefetch_related("groups")
    )
    subscriptions = (
        Subscription.objects.filter(Q(member=member) | Q(email__iexact=user.email) if user.email else Q(member=member))
        .prefetch_related("themes", "ambiti", "target_groups", "tags", "pages", "groups")
        .order_by("created_at")
    )
    return {
        "esportato_il": timezone.now(),
        "account": {
            "nome_utente": user.get_username(),
            "nome": user.first_name,
            "cognome": user.last_name,
            "email": user.email,
            "iscritto_il": user.date_joined,
            "ultimo_accesso": user.last_login,
        },
        "profilo": {
            "organizzazione": member.organisation.name if member.organisation else None,
            "ambito": member.ambito.name if member.ambito else None,
            "ruolo": member.role,
            "temi": _names(member.themes.all()),
            "destinatari": _names(member.target_groups.all()),
            "competenze": _names(member.expertise.all()),
            "presentazione": member.presentation,
            "telefono": member.phone,
            "email_di_contatto": member.contact_email,
            "contatti_visibili_ai_membri": member.show_contacts,
            "creato_il": member.created_at,
            "cancellazione_chiesta_il": member.deletion_requested_at,
        },
        "gruppi": [
            {"gruppo": m.group.name, "ruolo": m.get_role_display(), "dal": m.joined_at}
            for m in member.memberships.select_related("group").order_by("group__name")
        ],
        "messaggi": [
            {
                "gruppo": post.thread.group.name,
                "discussione": post.thread.title,
                "scritto_il": post.created_at,
                "modificato_il": post.edited_at,
                "nascosto_il": post.hidden_at,
                "testo": post.body,
            }
            for post in Post.objects.filter(author=member).select_related("thread__group").order_by("created_at")
        ],
        "discussioni_aperte": [
            {"gruppo": thread.group.name, "titolo": thread.title, "aperta_il": thread.created_at}
            for thread in Thread.objects.filter(author=member).select_related("group").order_by("created_at")
        ],
        "discussioni_seguite": [
            follow.thread.title for follow in member.thread_follows.select_related("thread").order_by("thread__title")
        ],
        "azioni_assegnate": [
            {
                "gruppo": action.meeting.group.name,
                "incontro": action.meeting.title,
                "cosa": action.description,
                "entro_il": action.due_date,
                "fatto": action.done,
            }
            for action in Action.objects.filter(assignee=member).select_related("meeting__group")
        ],
        "documenti_caricati": [
            {"gruppo": doc.group.name, "titolo": doc.title, "file": doc.filename, "caricato_il": doc.uploaded_at}
            for doc in SharedDocument.objects.filter(uploaded_by=member).select_related("group")
        ],
        "inviti": [
            {
                "email": invitation.email,
                "nome": invitation.first_name,
                "cognome": invitation.last_name,
                "organizzazione": invitation.organisation.name if invitation.organisation else None,
                "ambito": invitation.ambito.name if invitation.ambito else None,
                "gruppi": _names(invitation.groups.all()),
                "messaggio": invitation.message,
                "creato_il": invitation.created_at,
                "inviato_il": invitation.sent_at,
                "scade_il": invitation.expires_at,
                "accettato_il": invitation.accepted_at,
            }
            for invitation in invitations
        ],
        "iscrizioni_agli_aggiornamenti": [
            {
                "email": subscription.email,
                "frequenza": subscription.get_frequency_display(),
                "temi": _names(subscription.themes.all()),
                "ambiti": _names(subscription.ambiti.all()),
                "destinatari": _names(subscription.target_groups.all()),
                "etichette": _names(subscription.tags.all()),
                "pagine": [page.title for page in subscription.pages.all()],
                "gruppi": _names(subscription.groups.all()),
                "creata_il": subscription.created_at,
                "confermata_il": subscription.confirmed_at,
                "annullata_il": subscription.unsubscribed_at,
            }
            for subscription in subscriptions
        ],
        "adozioni_registrate": [
            {
                "pratica": adoption.practice.title,
                "ambito": adoption.ambito.name,
                "stato": adoption.get_status_display(),
                "cosa_e_cambiato": adoption.changes,
                "perche": adoption.reasons,
                "come_e_andata": adoption.outcome,
                "registrata_il": adoption.created_at,
            }
            for adoption in Adoption.objects.filter(submitted_by=member).select_related("practice", "ambito")
        ],
        "domande": [
            {
                "pagina": question.page.title,
                "domanda": question.text,
                "inviata_il": question.created_at,
                "pubblica": question.is_public,
                "nascosta_il": question.hidden_at,
            }
            for question in Question.objects.filter(asker=member).select_related("page").order_by("created_at")
        ],
    }


@reserved
@never_cache
def download_data(request):
    member = request.member
    if member is None:
        messages.info(
            request, _("Il tuo account non ha un profilo di membro: non ci sono dati del profilo da scaricare.")
        )
        return redirect("community:my_profile")
    body = json.dumps(personal_data(member), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"ciao-dati-personali-{member.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@task()
def email_deletion_request(member_id):
    member = Member.objects.select_related("user", "organisation").filter(pk=member_id).first()
    if member is None or member.deletion_requested_at is None:
        return  # deleted already, or the request was withdrawn
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    context = {
        "member": member,
        "admin_url": base_url + reverse(Member.snippet_viewset.get_url_name("edit"), args=[member.pk]),
        # Deleting the account deletes the profile and memberships with it.
        "delete_url": base_url + reverse("wagtailusers_users:delete", args=[member.user_id]),
    }
    EmailMessage(
        subject=_("Richiesta di cancellazione dei dati: %(name)s") % {"name": member.name},
        body=render_to_string("community/email/deletion_request.txt", context),
        to=[settings.REDAZIONE_EMAIL],
        reply_to=[member.user.email] if member.user.email else None,
    ).send()


@reserved
@require_http_methods(["GET", "POST"])
def request_deletion(request):
    member = request.member
    if member is None:
        messages.info(request, _("Il tuo account non ha un profilo di membro da cancellare."))
        return redirect("community:my_profile")
    if request.method == "POST":
        # A conditional update: two clicks at once still send the redazione one e-mail.
        asked = Member.objects.filter(pk=member.pk, deletion_requested_at__isnull=True).update(
            deletion_requested_at=timezone.now()
        )
        if asked:
            transaction.on_commit(lambda: email_deletion_request.enqueue(member.pk))
            messages.success(
                request, _("Richiesta inviata: la redazione cancellerà il tuo account e ti risponderà per e-mail.")
            )
        else:
            messages.info(request, _("La richiesta era già stata inviata: la redazione te ne darà notizia."))
        return redirect("community:my_profile")
    context = {
        "member": member,
        "crumbs": [(_("Il mio profilo"), reverse("community:my_profile")), (_("Cancellazione dei dati"), "")],
    }
    return render(request, "community/request_deletion.html", context)
