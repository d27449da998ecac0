"""The QR code of an app's key, as an inline ``<svg>`` the strict CSP allows.

qrcode's path image draws with presentation attributes (``fill``, ``stroke``), never
a ``style`` attribute, which the public site's policy (``style-src 'self'``) would
block; an inline ``<svg>`` element is markup, not a script or a style, so no
directive of the policy applies to it. A white square behind keeps it readable on
any background.
"""

import xml.etree.ElementTree as ET

import qrcode
import qrcode.image.svg
from django.utils.safestring import mark_safe


def qr_svg(text, label):
    """``text`` as an accessible inline SVG QR code named ``label`` (for screen readers)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, box_size=10, border=4)
    svg = image.get_image()
    svg.attrib.pop("id", None)
    for element in svg.iter():
        element.attrib.pop("id", None)
    svg.set("width", "280")
    svg.set("height", "280")
    svg.set("role", "img")
    svg.set("aria-label", str(label))
    svg.set("class", "twofactor-qr")
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308 - built by qrcode from a URL we made
