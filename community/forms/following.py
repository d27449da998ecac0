"""The /segui/ form: an e-mail address (unless a member is logged in), what to follow, how often."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.models import Page, Site

from ciao.models import Ambito, TargetGroup, Theme
from discovery.tags import popular_tags

from ..models import Subscription, WorkingGroup
from .base import CommunityForm

TAG_CHOICES = 20


class PageChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.specific_class._meta.verbose_name.capitalize()}: {obj.title}"


def _ids(values):
    return {int(value) for value in values if str(value).isdigit() and len(str(value)) < 12}


class FollowForm(CommunityForm):
    email = forms.EmailField(
        label=_("Il tuo indirizzo e-mail"),
        max_length=254,
        help_text=_("Ti scriviamo per confermare: senza conferma non ricevi nulla."),
    )
    pages = PageChoiceField(
        label=_("Pagine"), queryset=Page.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Temi"), queryset=Theme.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    ambiti = forms.ModelMultipleChoiceField(
        label=_("Ambiti territoriali"),
        queryset=Ambito.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Destinatari"), queryset=TargetGroup.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Argomenti"),
        queryset=Tag.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Le etichette più usate nel sito."),
    )
    groups = forms.ModelMultipleChoiceField(
        label=_("I tuoi gruppi di lavoro"),
        queryset=WorkingGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Incontri in programma, nuovi documenti e nuove discussioni: solo per chi è nel gruppo."),
    )
    frequency = forms.ChoiceField(
        label=_("Quanto spesso"),
        choices=Subscription.Frequency.choices,
        initial=Subscription.Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, member=None, with_email=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_email:
            del self.fields["email"]
        if member is None:
            del self.fields["groups"]
        else:
            self.fields["groups"].queryset = WorkingGroup.objects.filter(memberships__member=member)
        initial = self.initial
        # Choices beyond the usual ones: those already followed, asked for in the address, or sent.
        wanted_tags = {tag.slug if isinstance(tag, Tag) else tag for tag in initial.get("tags", [])}
        wanted_pages = _ids(page.pk if isinstance(page, Page) else page for page in initial.get("pages", []))
        if self.is_bound:
            wanted_tags |= set(
                Tag.objects.filter(pk__in=_ids(self.data.getlist("tags"))).values_list("slug", flat=True)
            )
            wanted_pages |= _ids(self.data.getlist("pages"))
        site = Site.objects.filter(is_default_site=True).first()
        slugs = [tag["slug"] for tag in popular_tags(site, limit=TAG_CHOICES)]
        self.fields["tags"].queryset = Tag.objects.filter(slug__in=set(slugs) | wanted_tags).order_by("name")
        if wanted_pages:
            self.fields["pages"].queryset = (
                Page.objects.live().public().filter(pk__in=wanted_pages).select_related("content_type")
            )
        else:
            del self.fields["pages"]

    def clean(self):
        cleaned = super().clean()
        followed = ("pages", "themes", "ambiti", "target_groups", "tags", "groups")
        if not self.errors and not any(cleaned.get(name) for name in followed if name in self.fields):
            raise forms.ValidationError(
                _("Scegli almeno una cosa da seguire: un tema, un ambito, dei destinatari, un argomento o una pagina."),
                code="nothing_chosen",
            )
        return cleaned
