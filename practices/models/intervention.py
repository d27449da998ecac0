"""The intervention model (modello di intervento): the replicable path, phase by phase."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ciao.blocks import RICH_TEXT_FEATURES
from ciao.models import Ambito
from practices.api import InterventionPathField
from practices.travel import public_adoptions_of

from .practice import PracticePage


class PhaseBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("nome della fase"), max_length=120)
    description = blocks.RichTextBlock(label=_("descrizione"), features=RICH_TEXT_FEATURES)
    expected_outputs = blocks.ListBlock(
        blocks.CharBlock(label=_("risultato"), max_length=250),
        label=_("risultati attesi"),
        default=[],
    )
    practices = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="practices.PracticePage", label=_("pratica")),
        label=_("buone pratiche che la realizzano"),
        default=[],
    )
    materials = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="resources.ResourcePage", label=_("materiale")),
        label=_("materiali formativi"),
        default=[],
    )

    class Meta:
        icon = "list-ol"
        label = _("Fase")


@dataclass
class PhaseView:
    """One phase as the page shows it: links a visitor may follow, and the ambiti it reaches."""

    number: int
    title: str
    description: str
    expected_outputs: list
    practices: list = field(default_factory=list)
    materials: list = field(default_factory=list)
    coverage: list = field(default_factory=list)  # [(ambito, number of practices)], every ambito
    travelled: list = field(default_factory=list)  # [(practice, [its published adoptions])]

    @property
    def anchor(self):
        return f"fase-{self.number}"

    @property
    def covered(self):
        return [(ambito, count) for ambito, count in self.coverage if count]

    @property
    def gaps(self):
        return [ambito for ambito, count in self.coverage if not count]


class InterventionModelPage(Page):
    intro = RichTextField(_("introduzione"), features=RICH_TEXT_FEATURES, blank=True)
    phases = StreamField(
        [("phase", PhaseBlock())],
        verbose_name=_("fasi"),
        blank=True,
        help_text=_("Le fasi del percorso, nell'ordine in cui una persona le attraversa."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("phases")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("phases")]
    # Not the raw blocks: those would name drafts linked by an editor.
    api_fields = [APIField("intro"), APIField("phases", serializer=InterventionPathField())]

    parent_page_types = ["ciao.HomePage"]
    subpage_types = []
    card_category = _("Modello di intervento")

    class Meta:
        verbose_name = _("modello di intervento")
        verbose_name_plural = _("modelli di intervento")

    @property
    def listing_summary(self):
        return self.search_description

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["phase_views"] = self.phase_views()
        context["ambiti"] = list(Ambito.objects.all())
        return context

    def phase_links(self):
        """The phases as stored, in order: title, description, expected outputs and the ids of the
        practices and materials each links, drafts and private pages included (callers keep what
        they may show). No query: read from the block data."""
        return [_phase_data(block) for block in self.phases.raw_data if block["type"] == "phase"]

    def phase_views(self):
        """The phases with their live, public practices and materials, each one's gaps, and where
        its practices were adopted.

        Read from the stored block data so the whole page costs a fixed number of
        queries: chooser blocks would fetch every page, drafts included, phase by phase.
        """
        raw_phases = self.phase_links()
        practice_ids = {pk for phase in raw_phases for pk in phase["practices"]}
        material_ids = {pk for phase in raw_phases for pk in phase["materials"]}
        practices = PracticePage.objects.live().public().filter(pk__in=practice_ids).select_related("ambito").in_bulk()
        materials = Page.objects.live().public().filter(pk__in=material_ids).in_bulk()
        ambiti = list(Ambito.objects.all())
        adoptions = {}
        for adoption in public_adoptions_of(PracticePage.objects.filter(pk__in=list(practices))):
            adoptions.setdefault(adoption.practice_id, []).append(adoption)

        views = []
        for number, phase in enumerate(raw_phases, start=1):
            linked = [practices[pk] for pk in phase["practices"] if pk in practices]
            counts = {}
            for practice in linked:
                counts[practice.ambito_id] = counts.get(practice.ambito_id, 0) + 1
            views.append(
                PhaseView(
                    number=number,
                    title=phase["title"],
                    description=phase["description"],
                    expected_outputs=phase["expected_outputs"],
                    practices=linked,
                    materials=[materials[pk] for pk in phase["materials"] if pk in materials],
                    coverage=[(ambito, counts.get(ambito.pk, 0)) for ambito in ambiti],
                    travelled=[(practice, adoptions[practice.pk]) for practice in linked if practice.pk in adoptions],
                )
            )
        return views


def _list_items(raw):
    # ListBlock data is either a plain list (old format) or [{"type": "item", "value": ...}].
    items = []
    for item in raw or []:
        value = item.get("value") if isinstance(item, dict) and item.get("type") == "item" else item
        if value not in (None, ""):
            items.append(value)
    return items


def _phase_data(block):
    value = block.get("value") or {}
    return {
        "title": value.get("title", ""),
        "description": value.get("description", ""),
        "expected_outputs": _list_items(value.get("expected_outputs")),
        "practices": [int(pk) for pk in _list_items(value.get("practices"))],
        "materials": [int(pk) for pk in _list_items(value.get("materials"))],
    }
