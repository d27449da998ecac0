"""The public proposal form: anyone proposes an event, the redazione decides.

A valid proposal becomes a draft EventPage (never live) submitted to the
review workflow, with the proposer's details in a separate EventProposal that
only the redazione sees, and an e-mail to the redazione. Bots meet a honeypot
field (filled in: the proposal is dropped without a word) and a per-address
limit (the sixth proposal in a minute is refused with a polite 429). If the
database cannot take the write (busy beyond its timeout, or down), the form
comes back with everything typed and a request to send it again (503).
"""

import logging
from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import OperationalError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ciao.models import Comune, TargetGroup
from ciao.sanitize import clean_description, plain_text

from . import throttle
from .recurrence import ROME, local
from .validation import has_markup, place_errors, schedule_errors

logger = logging.getLogger("ciao.events")

HONEYPOT = "sito_web"
MAX_DESCRIPTION = 5000
PLAIN_FIELDS = ["title", "venue", "address", "organiser_name", "cost", "name", "phone"]
# Seconds a person (or a client) is asked to wait when the database was too busy to save.
BUSY_RETRY_AFTER = 10


class TelInput(forms.TextInput):
    # Phones show their number pad for a "tel" input.
    input_type = "tel"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self):
        super().__init__(format="%H:%M")


class ProposalForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Titolo dell'evento"), max_length=200)
    description = forms.CharField(
        label=gettext_lazy("Descrizione"),
        max_length=MAX_DESCRIPTION,
        error_messages={
            "max_length": gettext_lazy(
                "La descrizione è troppo lunga: al massimo %(limit_value)d caratteri, ne hai scritti %(show_value)d. Accorciala un po'."
            )
        },
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Che cosa succede, per chi è pensato, che cosa portare. Lascia una riga vuota tra un "
            "paragrafo e l'altro. Sono ammessi grassetto, corsivo, elenchi e collegamenti."
        ),
    )
    start_date = forms.DateField(label=gettext_lazy("Giorno"), widget=DateInput())
    start_time = forms.TimeField(label=gettext_lazy("Ora di inizio"), widget=TimeInput())
    end_time = forms.TimeField(label=gettext_lazy("Ora di fine"), widget=TimeInput())
    end_date = forms.DateField(
        label=gettext_lazy("Ultimo giorno"),
        required=False,
        widget=DateInput(),
        help_text=gettext_lazy("Solo se l'evento dura più giorni."),
    )
    comune = forms.ModelChoiceField(
        label=gettext_lazy("Comune"),
        queryset=Comune.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=gettext_lazy("— Nessuno: l'evento è solo online —"),
        error_messages={"invalid_choice": gettext_lazy("Scegli un comune dell'elenco.")},
    )
    venue = forms.CharField(
        label=gettext_lazy("Luogo"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Per esempio: Biblioteca civica, sala al primo piano."),
    )
    address = forms.CharField(label=gettext_lazy("Indirizzo"), max_length=255, required=False)
    online_url = forms.URLField(
        label=gettext_lazy("Collegamento per partecipare online"),
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("Solo se si può partecipare anche da casa."),
    )
    audience = forms.ModelMultipleChoiceField(
        label=gettext_lazy("A chi è rivolto"),
        queryset=TargetGroup.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_free = forms.TypedChoiceField(
        label=gettext_lazy("È gratuito?"),
        choices=[("1", gettext_lazy("Sì, è gratuito")), ("0", gettext_lazy("No, si paga"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    cost = forms.CharField(
        label=gettext_lazy("Quanto costa"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Solo se si paga: per esempio «5 euro, ridotto 3 euro»."),
    )
    organiser_name = forms.CharField(label=gettext_lazy("Chi organizza"), max_length=200)
    message = forms.CharField(
        label=gettext_lazy("Note per la redazione"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Non vengono pubblicate: per esempio come iscriversi o chi contattare."),
    )
    name = forms.CharField(label=gettext_lazy("Nome e cognome"), max_length=200)
    email = forms.EmailField(
        label=gettext_lazy("E-mail"), help_text=gettext_lazy("Ti scriviamo solo per questa proposta.")
    )
    phone = forms.CharField(
        label=gettext_lazy("Telefono"),
        max_length=40,
        required=False,
        widget=TelInput(attrs={"autocomplete": "tel"}),
    )
    privacy = forms.BooleanField(
        label=gettext_lazy(
            "Ho letto l'informativa sulla privacy e acconsento al trattamento dei miei dati per valutare la proposta."
        ),
        error_messages={"required": gettext_lazy("Per inviare la proposta serve il tuo consenso.")},
    )
    # Hidden from people by CSS; bots fill in every field they find.
    sito_web = forms.CharField(label=gettext_lazy("Non compilare questo campo"), required=False)

    def __init__(self, *args, now=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.now = now or timezone.now()
        self.fields[HONEYPOT].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for name in ("email",):
            self.fields[name].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean(self):
        cleaned = super().clean()
        for name in PLAIN_FIELDS:
            if has_markup(cleaned.get(name)):
                self.add_error(name, _("Qui non si può usare codice HTML (come <b> o <script>): scrivi solo testo."))
                cleaned.pop(name, None)
        if "description" in cleaned:
            html = clean_description(cleaned["description"])
            if not plain_text(html):
                self.add_error(
                    "description",
                    _("Scrivi una descrizione: il codice HTML non ammesso viene tolto e qui non resta testo."),
                )
            cleaned["description_html"] = html
        self._clean_schedule(cleaned)
        place = place_errors(
            cleaned.get("comune"), cleaned.get("venue"), cleaned.get("address"), cleaned.get("online_url")
        )
        for field, message in place.items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        if cleaned.get("is_free") is False and not cleaned.get("cost") and "cost" not in self.errors:
            self.add_error("cost", _("Indica quanto costa partecipare."))
        return cleaned

    def _clean_schedule(self, cleaned):
        day, start_time, end_time = cleaned.get("start_date"), cleaned.get("start_time"), cleaned.get("end_time")
        if day is None:
            return
        today = local(self.now).date()
        if day < today:
            self.add_error("start_date", _("Questa data è già passata: scegli un giorno da oggi in poi."))
            return
        if day > today + timedelta(days=2 * 365):
            self.add_error("start_date", _("Si possono proporre eventi fino a due anni da oggi."))
            return
        last_day = cleaned.get("end_date") or day
        if last_day < day:
            self.add_error("end_date", _("L'ultimo giorno non può venire prima del primo."))
            return
        if start_time is None or end_time is None:
            return
        start = datetime.combine(day, start_time, ROME)
        end = datetime.combine(last_day, end_time, ROME)
        errors = schedule_errors(start, end)
        if "end" in errors:
            self.add_error("end_time" if last_day == day else "end_date", errors["end"])
            return
        cleaned["start"], cleaned["end"] = start, end


def create_proposal(index, data, now, slug=None):
    """Make the draft event and its proposer record, and submit it for review (``index.add_proposal``)."""
    return index.add_proposal(data, now, slug=slug)


def notify_redazione(page, proposal):
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])
    # One line: a title is typed by anyone, and a header must not break.
    subject = " ".join((_("Nuova proposta di evento: %(title)s") % {"title": page.title}).split())[:200]
    body = "\n".join(
        [
            _("È arrivata una proposta di evento dal sito."),
            "",
            _("Titolo: %(value)s") % {"value": page.title},
            _("Quando: %(value)s") % {"value": local(page.start).strftime("%d/%m/%Y %H:%M")},
            _("Dove: %(value)s") % {"value": page.place_label},
            _("Proposta da: %(name)s <%(email)s>") % {"name": proposal.name, "email": proposal.email},
            "",
            _("La trovi tra le bozze da revisionare: %(url)s") % {"url": admin_url},
        ]
    )
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[settings.REDAZIONE_EMAIL],
        reply_to=[proposal.email],
    )
    try:
        message.send()
    except Exception:  # noqa: BLE001 - a mail server down must not lose the proposal
        logger.exception("Could not e-mail the redazione about proposal %s", page.pk)


def propose(index, request):
    context = {"page": index, "self": index, "form_url": index.url + index.reverse_subpage("propose")}
    if request.method == "POST":
        form = ProposalForm(request.POST, now=timezone.now())
        if not throttle.allow("proposal", throttle.client_address(request)):
            context.update({"form": form, "rate_limited": True})
            return TemplateResponse(request, "events/proposal_form.html", context, status=429)
        if request.POST.get(HONEYPOT):
            logger.info("Proposal dropped: honeypot filled in")
            return redirect(index.url + index.reverse_subpage("proposal_sent"))
        if form.is_valid():
            try:
                page, proposal = create_proposal(index, form.cleaned_data, timezone.now())
            except OperationalError:
                # The database is busy (on SQLite, another write held it longer than its
                # timeout) or unreachable: nothing was saved. The person keeps what they
                # typed and is told to send it again, never shown an error page.
                logger.exception("A proposal was not saved: the database refused the write")
                context.update({"form": form, "busy": True})
                response = TemplateResponse(request, "events/proposal_form.html", context, status=503)
                response["Retry-After"] = str(BUSY_RETRY_AFTER)
                return response
            notify_redazione(page, proposal)
            return redirect(index.url + index.reverse_subpage("proposal_sent"))
    else:
        form = ProposalForm()
    context["form"] = form
    return TemplateResponse(request, "events/proposal_form.html", context)


def proposal_sent(index, request):
    return TemplateResponse(request, "events/proposal_sent.html", {"page": index, "self": index})
