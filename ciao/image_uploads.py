"""Image uploads that refuse a damaged file with a message, instead of failing with an error page.

Wagtail recognises an image by its header, then reads its size; a file whose
header is right but whose data is broken (a PNG cut short, a photo half
copied) made that second read raise, and the upload answered 500. Here the
same read turns into an Italian message next to the file field.
"""

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED_IMAGE = _(
    "Il file sembra un'immagine ma è danneggiato e non si può leggere. Aprilo sul tuo computer, "
    "salvalo di nuovo (per esempio come JPG o PNG) e caricalo ancora."
)


class CheckedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as exc:  # what Pillow raises on broken data
            raise ValidationError(DAMAGED_IMAGE, code="invalid_image") from exc


class ImageForm(BaseImageForm):
    """``WAGTAILIMAGES_IMAGE_FORM_BASE``: the admin's image forms, the chooser's included."""

    file = CheckedImageField(label=capfirst(_("file")))
