"""Tags in the admin: list, rename, merge. The search index follows each change."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from .tags import merge_tags


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = _("Etichette")
    menu_order = 310
    add_to_admin_menu = True
    panels = [FieldPanel("name"), FieldPanel("slug")]
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class MergeTagsForm(forms.Form):
    sources = forms.ModelMultipleChoiceField(
        label=_("Etichette da unire"),
        queryset=Tag.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Spariranno: i contenuti che le usano riceveranno l'etichetta di destinazione."),
    )
    target = forms.ModelChoiceField(label=_("Unisci in"), queryset=Tag.objects.order_by("name"))

    def clean(self):
        cleaned = super().clean()
        sources, target = cleaned.get("sources"), cleaned.get("target")
        if sources is not None and target is not None and not [t for t in sources if t != target]:
            raise forms.ValidationError(_("Scegli almeno un'etichetta diversa da quella di destinazione."))
        return cleaned


def can_merge_tags(user):
    return user.has_perm("taggit.change_tag") and user.has_perm("taggit.delete_tag")


def merge_tags_view(request):
    if not can_merge_tags(request.user):
        raise PermissionDenied
    form = MergeTagsForm(request.POST or None, initial={"sources": request.GET.getlist("tag")})
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        count = merge_tags(list(form.cleaned_data["sources"]), target)
        messages.success(
            request,
            ngettext(
                "Etichette unite in «%(name)s»: %(count)d contenuto aggiornato.",
                "Etichette unite in «%(name)s»: %(count)d contenuti aggiornati.",
                count,
            )
            % {"name": target.name, "count": count},
        )
        return redirect("ciao_merge_tags")
    return TemplateResponse(request, "ciao/admin/merge_tags.html", {"form": form})
