"""A good practice (buona pratica), following the usual good-practice templates.

The fields follow the EU integration website, Interreg Europe and ILO/FAO
templates: what, where, who, for whom, how, with what, what came of it, and
what it takes to carry it elsewhere.
"""

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.formats import date_format
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from ciao.blocks import RICH_TEXT_FEATURES
from ciao.page_cache.fragments import fragment_context
from ciao.serializers import VocabularySerializer
from practices.choices import PracticeStatus
from practices.exchange.export import export_response
from practices.forms import PracticePageForm
from practices.panels import practice_edit_handler
from practices.related import related_in_other_ambiti
from practices.text import format_quantity, validate_plain_text, validate_summary_length

from .parts import PracticePageTag

# What the practice page (and the exchange file) shows of its relations.
PRACTICE_RELATIONS = [
    "comuni",
    "themes",
    "target_groups",
    "partner_organisations",
    # One query for the tags with their names (the "tagged_items__tag" path takes two).
    Prefetch("tagged_items", queryset=PracticePageTag.objects.select_related("tag")),
    "steps",
    "indicators",
    "attachments__document",
]


def rich_text(label, help_text):
    return RichTextField(label, features=RICH_TEXT_FEATURES, blank=True, help_text=help_text)


class PracticePage(RoutablePageMixin, Page):
    # --- In breve
    summary = models.TextField(
        _("in breve"),
        max_length=800,
        validators=[validate_summary_length, validate_plain_text],
        help_text=_("Al massimo 100 parole, testo semplice: che cosa si fa, per chi, dove."),
    )
    ambito = models.ForeignKey(
        "ciao.Ambito",
        verbose_name=_("ambito"),
        null=True,
        on_delete=models.PROTECT,
        related_name="practices",
    )
    comuni = ParentalManyToManyField(
        "ciao.Comune",
        verbose_name=_("comuni"),
        blank=True,
        related_name="practices",
        help_text=_("I comuni dell'ambito in cui la pratica si svolge."),
    )
    start_date = models.DateField(_("data di inizio"), null=True, blank=True)
    end_date = models.DateField(
        _("data di fine"),
        null=True,
        blank=True,
        help_text=_("Lascia vuoto se la pratica è ancora in corso."),
    )
    # Stored, not computed on the fly, so the listing can filter and count on them
    # and the search index can filter by them; save() keeps them in step with the dates.
    status = models.CharField(
        _("stato"),
        max_length=10,
        choices=PracticeStatus.choices,
        default=PracticeStatus.ONGOING,
        editable=False,
    )
    start_year = models.PositiveSmallIntegerField(_("anno di inizio"), null=True, editable=False)
    themes = ParentalManyToManyField("ciao.Theme", verbose_name=_("temi"), blank=True, related_name="practices")
    target_groups = ParentalManyToManyField(
        "ciao.TargetGroup", verbose_name=_("destinatari"), blank=True, related_name="practices"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("immagine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=PracticePageTag, blank=True, verbose_name=_("etichette"))

    # --- Chi
    lead_organisation = models.ForeignKey(
        "ciao.Organisation",
        verbose_name=_("ente responsabile"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_practices",
    )
    partner_organisations = ParentalManyToManyField(
        "ciao.Organisation",
        verbose_name=_("enti partner"),
        blank=True,
        related_name="partner_practices",
    )
    contact_name = models.CharField(
        _("persona di riferimento"), max_length=150, blank=True, validators=[validate_plain_text]
    )
    contact_email = models.EmailField(_("e-mail di riferimento"), blank=True)
    contact_phone = models.CharField(
        _("telefono di riferimento"), max_length=40, blank=True, validators=[validate_plain_text]
    )

    # --- Come funziona
    context = rich_text(_("contesto e bisogno"), _("Quale bisogno ha fatto nascere la pratica, in quale territorio."))
    objectives = rich_text(_("obiettivi"), _("Che cosa si voleva ottenere, per chi."))

    # --- Risorse e risultati
    staff = models.TextField(
        _("personale"),
        blank=True,
        max_length=1000,
        validators=[validate_plain_text],
        help_text=_("Chi ci ha lavorato e per quanto tempo, per esempio «2 educatrici, 10 ore a settimana»."),
    )
    budget = models.DecimalField(_("costo complessivo (euro)"), max_digits=12, decimal_places=2, null=True, blank=True)
    funding_source = models.CharField(
        _("fonte di finanziamento"), max_length=255, blank=True, validators=[validate_plain_text]
    )
    results = rich_text(_("risultati"), _("Che cosa è cambiato per le persone e per i servizi."))
    evidence = rich_text(
        _("prove e valutazione"), _("Come sono stati misurati i risultati: questionari, colloqui, dati dei servizi.")
    )

    # --- Trasferibilità
    lessons_learnt = rich_text(_("difficoltà e lezioni apprese"), _("Che cosa non ha funzionato e che cosa rifareste."))
    transferability = rich_text(
        _("condizioni per trasferirla"), _("Che cosa serve perché un altro ambito possa ripeterla.")
    )

    base_form_class = PracticePageForm
    edit_handler = practice_edit_handler()

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=3),
        index.SearchField("context"),
        index.SearchField("objectives"),
        index.SearchField("results"),
        index.SearchField("evidence"),
        index.SearchField("lessons_learnt"),
        index.SearchField("transferability"),
        index.SearchField("funding_source"),
        index.RelatedFields("steps", [index.SearchField("title"), index.SearchField("description")]),
        index.RelatedFields("indicators", [index.SearchField("name")]),
        # The text inside attached files, as for materials: a word only the handout has finds the practice.
        index.RelatedFields(
            "attachments",
            [index.RelatedFields("document", [index.SearchField("title"), index.SearchField("extracted_text")])],
        ),
        index.RelatedFields("ambito", [index.SearchField("name", boost=2)]),
        index.RelatedFields("comuni", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name", boost=2)]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name", boost=2), index.AutocompleteField("name")]),
        index.RelatedFields("lead_organisation", [index.SearchField("name")]),
        index.RelatedFields("partner_organisations", [index.SearchField("name")]),
        index.FilterField("ambito"),
        index.FilterField("comuni"),
        index.FilterField("themes"),
        index.FilterField("target_groups"),
        index.FilterField("status"),
        index.FilterField("start_year"),
        index.FilterField("start_date"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("ambito", serializer=VocabularySerializer(read_only=True)),
        APIField("comuni", serializer=VocabularySerializer(many=True, read_only=True)),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("themes", serializer=VocabularySerializer(many=True, read_only=True)),
        APIField("target_groups", serializer=VocabularySerializer(many=True, read_only=True)),
        APIField("tags"),
        APIField("image"),
        APIField("image_thumbnail", serializer=ImageRenditionField("fill-800x450", source="image")),
        APIField("lead_organisation", serializer=VocabularySerializer(read_only=True)),
        APIField("partner_organisations", serializer=VocabularySerializer(many=True, read_only=True)),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("context"),
        APIField("objectives"),
        APIField("steps"),
        APIField("staff"),
        APIField("budget"),
        APIField("funding_source"),
        APIField("results"),
        APIField("indicators"),
        APIField("evidence"),
        APIField("lessons_learnt"),
        APIField("transferability"),
        APIField("attachments"),
    ]

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []
    card_category = _("Buona pratica")
    # The facets of its pages on /cerca/ and the tag pages (see discovery/__init__.py).
    search_facet_lookups = {
        "ambito": "ambito__slug",
        "tema": "themes__slug",
        "destinatari": "target_groups__slug",
        "tag": "tags__slug",
    }

    class Meta:
        verbose_name = _("buona pratica")
        verbose_name_plural = _("buone pratiche")

    def save(self, *args, **kwargs):
        self.status = derive_status(self.end_date)
        self.start_year = self.start_date.year if self.start_date else None
        super().save(*args, **kwargs)

    # --- How the practice shows in lists
    @property
    def listing_summary(self):
        return self.summary

    @property
    def card_meta(self):
        # Only this row's columns: cards are rendered in lists that did not join the ambito.
        return self.period_label

    @property
    def budget_display(self):
        return format_quantity(self.budget)

    @property
    def tag_list(self):
        # Through the prefetched tagged items: the manager's .all() would query again.
        return [item.tag for item in self.tagged_items.all()]

    @property
    def is_ongoing(self):
        return self.status == PracticeStatus.ONGOING

    @property
    def period_label(self):
        if not self.start_date:
            return ""
        # Italian writes month names in lower case: "da settembre 2020".
        start = date_format(self.start_date, "F Y").lower()
        if self.is_ongoing:
            return _("Da %(start)s, in corso") % {"start": start}
        end = date_format(self.end_date, "F Y").lower()
        return capfirst(_("%(start)s – %(end)s") % {"start": start, "end": end})

    def load_relations(self):
        """Fetch what the practice page shows in a fixed number of queries."""
        prefetch_related_objects([self], *PRACTICE_RELATIONS)
        # Foreign keys are fetched once each, not per access in the template.
        prefetch_related_objects([self], "ambito", "lead_organisation", "image")

    # --- The public page
    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A preview carries the editor's unsaved relations in memory: fetching would replace them.
        if not getattr(request, "is_preview", False):
            self.load_relations()
        # Looked up only when the kept rendering of their section is missing (fragment_context).
        context["related_practices"] = SimpleLazyObject(lambda: related_in_other_ambiti(self))
        context.update(fragment_context())
        return context

    @path("esporta/")
    def export_json(self, request):
        """The practice as JSON, for another ambito's site (only what the public page shows)."""
        return export_response(self)


def derive_status(end_date):
    """A practice with an end date is over (the form refuses end dates in the future)."""
    return PracticeStatus.COMPLETED if end_date else PracticeStatus.ONGOING
