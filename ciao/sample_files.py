"""Small real files (PDF, DOCX, ODT) written with the same libraries that read them.

``seed_demo`` attaches them to the demo practices and materials and the tests
use them, so that what is downloaded, validated and searched is a genuine
document. One writer per format for every app.
"""

import io
import textwrap

import docx
from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, P
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
LINE_HEIGHT = 16
WRAP_AT = 84
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN) // LINE_HEIGHT


def _pdf_escape(line):
    encoded = line.encode("cp1252", "replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_page_stream(title, lines):
    out = [b"BT", b"/F2 16 Tf", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode(), f"{LINE_HEIGHT} TL".encode()]
    if title:
        out += [b"(" + _pdf_escape(title) + b") Tj", b"T*", b"T*", b"/F1 11 Tf"]
    else:
        out.append(b"/F1 11 Tf")
    for line in lines:
        out += [b"(" + _pdf_escape(line) + b") Tj", b"T*"]
    out.append(b"ET")
    return b"\n".join(out)


def pdf_bytes(title, paragraphs, author=""):
    """A text PDF (Helvetica, WinAnsi: Italian accents survive extraction), as many pages as it takes."""
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, WRAP_AT) + [""]
    writer = PdfWriter()

    def font(base):
        return writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject(base),
                    NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
                }
            )
        )

    fonts = DictionaryObject({NameObject("/F1"): font("/Helvetica"), NameObject("/F2"): font("/Helvetica-Bold")})
    first_page_lines = LINES_PER_PAGE - 3
    chunks = [lines[:first_page_lines]] + [
        lines[i : i + LINES_PER_PAGE] for i in range(first_page_lines, len(lines), LINES_PER_PAGE)
    ]
    for number, chunk in enumerate(chunks):
        page = writer.add_blank_page(width=PAGE_WIDTH, height=PAGE_HEIGHT)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        stream = StreamObject()
        stream.set_data(_pdf_page_stream(title if number == 0 else "", chunk))
        page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Title": title, "/Author": author, "/Producer": "CIAO! Comunità di pratica"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(title, paragraphs, author=""):
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt_bytes(title, paragraphs, author=""):
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=title))
    if author:
        document.meta.addElement(meta.InitialCreator(text=author))
    heading_style = Style(name="Heading 1", family="paragraph")
    heading_style.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    document.styles.addElement(heading_style)
    document.text.addElement(H(outlinelevel=1, stylename=heading_style, text=title))
    for paragraph in paragraphs:
        document.text.addElement(P(text=paragraph))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


WRITERS = {"pdf": pdf_bytes, "docx": docx_bytes, "odt": odt_bytes}


def file_bytes(extension, title, paragraphs, author=""):
    return WRITERS[extension](title, paragraphs, author=author)
