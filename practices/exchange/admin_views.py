"""Import a practice in the admin: the import of ``manage.py import_practice``, for the people who write.

Whoever may create a practice under a practice index (Wagtail's "add" permission
there: the Operatori, the Redazione) uploads an exported file; the practice
becomes their draft and goes to the redazione's review, or nothing is created
and the form lists what is wrong, field by field. Nothing here publishes.
"""

from django import forms
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from practices.models import PracticeIndexPage, PracticePage

from .importer import import_practice
from .validation import MAX_FILE_BYTES, PracticeImportError, field_label, parse_json

MAX_SIZE_LABEL = f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
SKIP_OPTION_LABEL = gettext_lazy("Importa anche se mancano alcuni allegati")


def importable_parents(user):
    """The practice indexes under which ``user`` may create a practice (Wagtail's page permissions)."""
    return [index for index in PracticeIndexPage.objects.order_by("path") if can_import_into(index, user)]


def can_import_into(index, user):
    return PracticePage.can_create_at(index) and index.permissions_for_user(user).can_add_subpage()


def import_url(parent=None):
    url = reverse("practices_import")
    return f"{url}?parent={parent.pk}" if parent is not None else url


def in_file_order(raw):
    """A sort key putting errors in the order of the fields in the file, as the person reads it."""
    try:
        practice = parse_json(raw).get("practice")
    except (PracticeImportError, AttributeError):
        practice = None
    position = {key: n for n, key in enumerate(practice)} if isinstance(practice, dict) else {}

    def key(error):
        field = error[0].removeprefix("practice.").split(".")[0].split("[")[0]
        return position.get(field, len(position))

    return key


class CappedUploadHandler(FileUploadHandler):
    """Stops reading an uploaded file past the cap: a huge file is neither kept nor parsed.

    The file alone is skipped, so the form's other choices still arrive.
    """

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_FILE_BYTES:
            self.request.practice_import_oversized = self.file_name
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler keeps the file


class PracticeImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File JSON della buona pratica"),
        help_text=format_lazy(
            gettext_lazy(
                "Il file .json che si scarica con «Esporta» dalla pagina pubblica di una buona pratica "
                "(l'indirizzo della pratica seguito da esporta/). Al massimo {size}."
            ),
            size=MAX_SIZE_LABEL,
        ),
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
        error_messages={
            "required": gettext_lazy("Scegli il file .json della buona pratica."),
            "empty": gettext_lazy("Il file è vuoto."),
        },
    )
    parent = forms.ModelChoiceField(
        label=gettext_lazy("Elenco in cui importarla"),
        queryset=PracticeIndexPage.objects.none(),
        empty_label=gettext_lazy("Scegli un elenco"),
        error_messages={
            "required": gettext_lazy("Scegli l'elenco in cui importare la pratica."),
            "invalid_choice": gettext_lazy("Non puoi aggiungere buone pratiche a questo elenco."),
        },
    )
    skip_missing_files = forms.BooleanField(
        label=SKIP_OPTION_LABEL,
        required=False,
        help_text=gettext_lazy(
            "Gli allegati e l'immagine che non sono già su questo sito vengono tralasciati: "
            "potrai aggiungerli alla bozza dopo."
        ),
    )

    def __init__(self, *args, parents, oversized=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.oversized = oversized
        if oversized:
            # The upload handler dropped the file: say why, rather than that none was chosen.
            self.fields["file"].required = False
        self.raw = None
        if len(parents) == 1:
            # One possible destination: no question to ask.
            self.implicit_parent = parents[0]
            del self.fields["parent"]
        else:
            self.implicit_parent = None
            self.fields["parent"].queryset = PracticeIndexPage.objects.filter(pk__in=[p.pk for p in parents]).order_by(
                "path"
            )

    def clean_file(self):
        if self.oversized:
            raise forms.ValidationError(
                _(
                    "Il file «%(name)s» è troppo grande: al massimo %(size)s. Una scheda esportata pesa "
                    "pochi kilobyte: controlla di aver scelto il file giusto."
                )
                % {"name": self.oversized, "size": MAX_SIZE_LABEL}
            )
        upload = self.cleaned_data["file"]
        name = upload.name or ""
        if not name.lower().endswith(".json"):
            raise forms.ValidationError(
                _(
                    "«%(name)s» non è un file .json: scegli il file scaricato con «Esporta» dalla "
                    "pagina della buona pratica."
                )
                % {"name": name}
            )
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Il file «%(name)s» è troppo grande: al massimo %(size)s.") % {"name": name, "size": MAX_SIZE_LABEL}
            )
        self.raw = upload.read(MAX_FILE_BYTES + 1)
        return upload

    @property
    def destination(self):
        return self.implicit_parent or self.cleaned_data.get("parent")


@method_decorator(csrf_exempt, name="dispatch")  # checked below, once the upload handler is in place
class ImportPracticeView(WagtailAdminTemplateMixin, FormView):
    template_name = "practices/admin/import_practice.html"
    form_class = PracticeImportForm
    page_title = gettext_lazy("Importa una buona pratica")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.parents = importable_parents(request.user)
        if not self.parents:
            return permission_denied(request)
        if request.method == "POST":
            request.upload_handlers.insert(0, CappedUploadHandler(request))
        self.import_errors = []
        return csrf_protect(super().dispatch)(request, *args, **kwargs)

    @cached_property
    def requested_parent(self):
        """The index the person came from (the button on its listing), if they may import there."""
        pk = self.request.GET.get("parent", "")
        return next((p for p in self.parents if str(p.pk) == pk), None)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["parents"] = self.parents
        kwargs["oversized"] = getattr(self.request, "practice_import_oversized", None)
        return kwargs

    def get_initial(self):
        return {"parent": self.requested_parent} if self.requested_parent else {}

    def get_breadcrumbs_items(self):
        items = list(self.breadcrumbs_items)
        index = self.requested_parent or (self.parents[0] if len(self.parents) == 1 else None)
        if index is not None:
            items.append({"url": reverse("wagtailadmin_explore", args=[index.pk]), "label": index.title})
        items.append({"url": "", "label": self.page_title})
        return items

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context.update(
            action_url=self.request.get_full_path(),
            submit_button_label=_("Importa come bozza"),
            submit_button_active_label=_("Importazione in corso…"),
            media=form.media,
            import_errors=self.import_errors,
            destination=form.implicit_parent,
            skip_option_label=SKIP_OPTION_LABEL,
        )
        return context

    def form_valid(self, form):
        parent = form.destination
        try:
            page, imported = import_practice(
                form.raw,
                parent=parent,
                owner=self.request.user,
                skip_missing_files=form.cleaned_data["skip_missing_files"],
                submit=True,
                skip_hint=_("scegli «%(option)s»") % {"option": SKIP_OPTION_LABEL},
            )
        except PracticeImportError as error:
            return self.import_failed(form, error.errors)
        self.report_success(page, imported)
        # The listing with the latest changes first: the new draft at the top, under the message.
        return redirect(reverse("wagtailadmin_explore", args=[parent.pk]) + "?ordering=-latest_revision_created_at")

    def form_invalid(self, form):
        messages.error(self.request, _("La buona pratica non è stata importata: correggi gli errori qui sotto."))
        return super().form_invalid(form)

    def import_failed(self, form, errors):
        """File-level problems go to the file field; the practice's fields are listed one by one."""
        fields = []
        for path, message in sorted(errors, key=in_file_order(form.raw)):
            if path.startswith("practice."):
                fields.append({"label": field_label(path), "path": path, "message": message})
            else:
                form.add_error("file", message)
        if fields:
            self.import_errors = fields
            form.add_error(
                "file",
                ngettext(
                    "Il file ha %(count)d errore, nel campo elencato qui sopra: non è stato creato nulla.",
                    "Il file ha %(count)d errori, nei campi elencati qui sopra: non è stato creato nulla.",
                    len(fields),
                )
                % {"count": len(fields)},
            )
        return self.form_invalid(form)

    def report_success(self, page, imported):
        edit = messages.button(reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Apri la bozza"))
        title = page.get_admin_display_title()
        if imported.submitted:
            text = _("«%(title)s» è stata importata come bozza a tuo nome e inviata in revisione alla redazione.")
        else:
            text = _("«%(title)s» è stata importata come bozza a tuo nome.")
        messages.success(self.request, text % {"title": title}, buttons=[edit])
        if imported.incomplete:
            messages.warning(
                self.request,
                _(
                    "Non è stata inviata in revisione: questo elenco chiede la scheda completa e mancano "
                    "%(fields)s. Completa la bozza, poi inviala in revisione."
                )
                % {"fields": ", ".join(imported.incomplete)},
            )
        if imported.skipped_files:
            messages.warning(
                self.request,
                _("Non sono stati importati perché non sono su questo sito: %(files)s. Puoi aggiungerli alla bozza.")
                % {"files": "; ".join(imported.skipped_files)},
            )
