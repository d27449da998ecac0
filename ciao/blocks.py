"""StreamField blocks shared by the site's pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

# Plain-language pages need few formatting tools; fewer tools, fewer accessibility traps.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("testo"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("livello"),
        choices=[("h2", _("Titolo di sezione")), ("h3", _("Sottotitolo"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titolo")
        template = "blocks/heading_block.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("documento"))
    title = blocks.CharBlock(
        label=_("titolo"), required=False, help_text=_("Se vuoto, si usa il titolo del documento.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Documento")
        template = "blocks/document_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("citazione"))
    source = blocks.CharBlock(label=_("fonte"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citazione")
        template = "blocks/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragrafo"), features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html"
    )
    image = ImageBlock(label=_("Immagine"), template="blocks/image_block.html")
    document = DocumentBlock()
    quote = QuoteBlock()
