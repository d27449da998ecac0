"""A document shared in a group: a title, a few words, a file of an allowed type and size."""

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..models import SharedDocument
from .base import CommunityModelForm

DEFAULT_MAX_SIZE = 20 * 1024 * 1024


def max_document_size():
    return getattr(settings, "COMMUNITY_DOCUMENT_MAX_SIZE", DEFAULT_MAX_SIZE)


def allowed_extensions():
    return [extension.lower() for extension in settings.WAGTAILDOCS_EXTENSIONS]


class DocumentForm(CommunityModelForm):
    class Meta:
        model = SharedDocument
        fields = ["title", "description", "file"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "title": {"required": _("Dai un titolo al documento.")},
            "file": {
                "required": _("Scegli il file da caricare."),
                "empty": _("Il file è vuoto."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        extensions = allowed_extensions()
        field = self.fields["file"]
        field.validators = [FileExtensionValidator(extensions, message=self.extension_message(extensions))]
        field.widget.attrs["accept"] = ",".join(f".{extension}" for extension in extensions)
        field.help_text = _("Tipi ammessi: %(types)s. Al massimo %(size)s.") % {
            "types": ", ".join(extensions),
            "size": filesizeformat(max_document_size()),
        }
        self.too_large = False

    @staticmethod
    def extension_message(extensions):
        return _("Questo tipo di file non si può caricare. Tipi ammessi: %(types)s.") % {"types": ", ".join(extensions)}

    def clean_file(self):
        file = self.cleaned_data["file"]
        limit = max_document_size()
        if file and file.size > limit:
            self.too_large = True
            raise forms.ValidationError(
                _("Il file è troppo grande (%(size)s): si possono caricare file fino a %(limit)s.")
                % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
            )
        return file
