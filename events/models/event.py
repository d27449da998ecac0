"""An event (EventPage): when, where, for whom, at what cost, and how it repeats."""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ciao.blocks import RICH_TEXT_FEATURES, DocumentBlock
from ciao.serializers import VocabularySerializer

from .. import recurrence
from ..calendar_feed import event_ics_response
from ..detail import event_context
from ..panels import ProposerPanel
from ..recurrence import Frequency, local
from ..validation import cost_errors, place_errors, registration_errors, schedule_errors


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", related_name="tagged_items", on_delete=models.CASCADE)


class EventPageExceptionDate(Orderable):
    """A day on which a repeating event does not take place (EXDATE)."""

    event = ParentalKey("events.EventPage", related_name="exception_dates", on_delete=models.CASCADE)
    date = models.DateField(_("data"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("data esclusa")
        verbose_name_plural = _("date escluse")


class EventPage(RoutablePageMixin, Page):
    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("In programma")
        CANCELLED = "cancelled", _("Annullato")
        POSTPONED = "postponed", _("Rinviato")

    class Registration(models.TextChoices):
        NONE = "none", _("Non serve iscriversi")
        LINK = "link", _("Iscrizione tramite un sito")
        EMAIL = "email", _("Iscrizione via e-mail")

    class AttendanceMode(models.TextChoices):
        OFFLINE = "offline", _("In presenza")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In presenza e online")

    summary = models.TextField(
        _("in breve"), max_length=300, help_text=_("Una o due frasi: appaiono negli elenchi e nei calendari.")
    )
    description = RichTextField(_("descrizione"), features=RICH_TEXT_FEATURES, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("immagine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # When (Europe/Rome; stored in UTC as Django does)
    start = models.DateTimeField(_("inizio"))
    end = models.DateTimeField(_("fine"))
    all_day = models.BooleanField(
        _("tutto il giorno"), default=False, help_text=_("Contano solo le date; gli orari sono ignorati.")
    )
    repeat_frequency = models.CharField(
        _("si ripete"), max_length=20, choices=Frequency.choices, blank=True, default=Frequency.NONE
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("ogni quante settimane o mesi"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 = ogni settimana (o mese), 2 = una settimana sì e una no, ..."),
    )
    repeat_until = models.DateField(_("fino al"), null=True, blank=True)
    # RFC 5545 RRULE made from the three fields above; feeds and listings read it.
    rrule = models.CharField(_("regola di ripetizione (RRULE)"), max_length=255, blank=True, editable=False)
    # End of the last occurrence, so that SQL can select events by date range.
    last_end = models.DateTimeField(null=True, editable=False, db_index=True)

    # Where
    comune = models.ForeignKey(
        "ciao.Comune",
        verbose_name=_("comune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    # Copied from the comune for search filters, which need a column of this table.
    ambito = models.ForeignKey(
        "ciao.Ambito",
        verbose_name=_("ambito"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    venue = models.CharField(
        _("luogo"), max_length=200, blank=True, help_text=_("Per esempio: Biblioteca civica, sala conferenze.")
    )
    address = models.CharField(_("indirizzo"), max_length=255, blank=True)
    postal_code = models.CharField(_("CAP"), max_length=5, blank=True)
    online_url = models.URLField(_("collegamento per partecipare online"), blank=True)
    attendance_mode = models.CharField(
        _("modalità"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
        editable=False,
    )

    # Who, for whom
    audience = ParentalManyToManyField(
        "ciao.TargetGroup", verbose_name=_("a chi è rivolto"), blank=True, related_name="events"
    )
    themes = ParentalManyToManyField("ciao.Theme", verbose_name=_("temi"), blank=True, related_name="events")
    tags = ClusterTaggableManager(through=EventPageTag, blank=True, verbose_name=_("etichette"))
    organiser = models.ForeignKey(
        "ciao.Organisation",
        verbose_name=_("organizzato da"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organiser_name = models.CharField(
        _("altro organizzatore"),
        max_length=200,
        blank=True,
        help_text=_("Se chi organizza non è tra le organizzazioni dell'elenco."),
    )

    # Cost, registration, capacity
    is_free = models.BooleanField(_("gratuito"), default=True)
    price = models.DecimalField(
        _("prezzo (euro)"), max_digits=7, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    cost_notes = models.CharField(
        _("note sui costi"), max_length=255, blank=True, help_text=_("Per esempio: riduzioni, materiali inclusi.")
    )
    registration = models.CharField(
        _("iscrizione"), max_length=10, choices=Registration.choices, default=Registration.NONE
    )
    registration_url = models.URLField(_("sito per iscriversi"), blank=True)
    registration_email = models.EmailField(_("e-mail per iscriversi"), blank=True)
    capacity = models.PositiveIntegerField(_("posti disponibili"), null=True, blank=True)
    accessibility_notes = models.TextField(
        _("accessibilità"),
        blank=True,
        help_text=_("Accesso senza barriere, servizi igienici accessibili, interprete LIS, ..."),
    )
    contact_email = models.EmailField(_("e-mail per informazioni"), blank=True)
    contact_phone = models.CharField(_("telefono per informazioni"), max_length=40, blank=True)
    attachments = StreamField([("document", DocumentBlock())], verbose_name=_("allegati"), blank=True)

    status = models.CharField(_("stato"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    status_note = models.CharField(
        _("avviso"),
        max_length=255,
        blank=True,
        help_text=_("Per un evento annullato o rinviato: il motivo o la nuova data."),
    )

    # iCalendar SEQUENCE: grows when the published date, place or status changes.
    ical_sequence = models.PositiveIntegerField(default=0, editable=False)
    ical_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("repeat_frequency"),
                # Two to a row: three squeezed the interval's help and cut the "Fino al" date.
                FieldRowPanel([FieldPanel("repeat_interval"), FieldPanel("repeat_until")]),
                InlinePanel("exception_dates", label=_("Giorno escluso"), heading=_("Giorni in cui non si tiene")),
            ],
            heading=_("Date e orari"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("comune"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("address"), FieldPanel("postal_code")]),
                FieldPanel("online_url"),
            ],
            heading=_("Luogo"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Stato")),
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [FieldPanel("audience"), FieldPanel("themes"), FieldPanel("tags")], heading=_("Per chi e su cosa")
        ),
        MultiFieldPanel([FieldPanel("organiser"), FieldPanel("organiser_name")], heading=_("Chi organizza")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldPanel("cost_notes"),
                FieldPanel("registration"),
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_email")]),
                FieldPanel("capacity"),
            ],
            heading=_("Costi e iscrizione"),
        ),
        FieldPanel("accessibility_notes"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contatti")),
        FieldPanel("attachments"),
        MultiFieldPanel(
            [ProposerPanel()], heading=_("Proposta di un cittadino"), permission="events.view_eventproposal"
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("venue"),
        index.SearchField("address"),
        index.SearchField("organiser_name"),
        index.RelatedFields("comune", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("organiser", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("audience", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("start"),
        index.FilterField("last_end"),
        index.FilterField("comune"),
        index.FilterField("ambito"),
        index.FilterField("themes"),
        index.FilterField("audience"),
        index.FilterField("is_free"),
        index.FilterField("status"),
        index.FilterField("attendance_mode"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("rrule"),
        APIField("excluded_dates", serializer=serializers.ListField(child=serializers.DateField())),
        APIField("status"),
        APIField("status_note"),
        APIField("comune", serializer=VocabularySerializer(read_only=True)),
        APIField("venue"),
        APIField("address"),
        APIField("postal_code"),
        APIField("online_url"),
        APIField("attendance_mode"),
        APIField("audience", serializer=VocabularySerializer(many=True, read_only=True)),
        APIField("themes", serializer=VocabularySerializer(many=True, read_only=True)),
        APIField("tags"),
        APIField("organiser", serializer=VocabularySerializer(read_only=True)),
        APIField("organiser_name"),
        APIField("is_free"),
        APIField("price"),
        APIField("cost_notes"),
        APIField("registration"),
        APIField("registration_url"),
        APIField("registration_email"),
        APIField("capacity"),
        APIField("accessibility_notes"),
        APIField("image"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("evento")
        verbose_name_plural = _("eventi")

    # -- what the rest of the site reads -------------------------------------------

    card_category = _("Evento")
    card_select_related = ["comune"]  # card_meta names the place
    # The facets of its pages on /cerca/ and the tag pages (see discovery/__init__.py);
    # the ambito is the one copied from the comune.
    search_facet_lookups = {
        "ambito": "ambito__slug",
        "tema": "themes__slug",
        "destinatari": "audience__slug",
        "tag": "tags__slug",
    }

    @property
    def listing_summary(self):
        return self.summary

    @property
    def card_meta(self):
        start = local(self.start)
        when = date_format(start, "j F Y" if self.all_day else "j F Y, H:i").lower()
        if self.rrule:
            # A weekly laboratorio's first date alone would read as long past.
            when = _("%(first)s, poi %(repeat)s") % {"first": when, "repeat": self.repeat_description}
        return f"{when} · {self.place_label}" if self.place_label else when

    @property
    def place_label(self):
        if self.comune_id:
            return f"{self.venue}, {self.comune.name}" if self.venue else self.comune.name
        return str(_("Online")) if self.online_url else ""

    @property
    def organiser_label(self):
        return self.organiser.name if self.organiser_id else self.organiser_name

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def repeat_description(self):
        return recurrence.describe_repeat(
            self.repeat_frequency, self.repeat_interval, self.repeat_until, local(self.start)
        )

    def excluded_dates(self):
        # Reads the in-memory cluster, so unsaved revisions and prefetched rows both work.
        return sorted(item.date for item in self.exception_dates.all())

    def occurrences(self, window_start=None, window_end=None):
        return recurrence.occurrences(self, window_start, window_end)

    # -- validation and derived fields ---------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        errors.update(schedule_errors(self.start, self.end, self.all_day, self.repeat_frequency, self.repeat_until))
        errors.update(place_errors(self.comune_id, self.venue, self.address, self.online_url))
        errors.update(cost_errors(self.is_free, self.price, self.cost_notes))
        errors.update(registration_errors(self.registration, self.registration_url, self.registration_email))
        if errors:
            raise ValidationError(errors)

    def update_derived_fields(self):
        if self.start and self.end:
            self.rrule = recurrence.build_rrule(
                self.repeat_frequency, self.repeat_interval, self.repeat_until, local(self.start), self.all_day
            )
            self.last_end = recurrence.last_occurrence_end(self) or self.end
        self.ambito_id = self.comune.ambito_id if self.comune_id else None
        if self.comune_id and self.online_url:
            self.attendance_mode = self.AttendanceMode.MIXED
        elif self.online_url:
            self.attendance_mode = self.AttendanceMode.ONLINE
        else:
            self.attendance_mode = self.AttendanceMode.OFFLINE

    def calendar_fingerprint(self):
        """A digest of what a calendar shows; when it changes, SEQUENCE grows."""
        data = [
            self.title,
            self.start.isoformat() if self.start else "",
            self.end.isoformat() if self.end else "",
            self.all_day,
            self.rrule,
            [d.isoformat() for d in self.excluded_dates()],
            self.status,
            self.comune_id,
            self.venue,
            self.address,
            self.online_url,
        ]
        return hashlib.sha256(json.dumps(data, default=str).encode()).hexdigest()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.update_derived_fields()
            fingerprint = self.calendar_fingerprint()
            if self.ical_fingerprint and fingerprint != self.ical_fingerprint:
                self.ical_sequence += 1
            self.ical_fingerprint = fingerprint
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # SEQUENCE belongs to the event, not to a revision: restoring or publishing
        # an old revision must not take it back.
        obj = super().with_content_json(content)
        obj.ical_sequence = self.ical_sequence
        obj.ical_fingerprint = self.ical_fingerprint
        return obj

    # -- views ------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context

    # Reached through events.urls (Wagtail's page URLs have no dots), which adds the slash.
    @re_path(r"^evento\.ics/?$")
    def event_ics(self, request):
        return event_ics_response(self, request)
