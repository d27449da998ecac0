"""Members' plain text shown as HTML: escaped, its line breaks kept, its web and e-mail addresses clickable."""

from html import escape

from bleach.linkifier import Linker, build_url_re
from django.utils.safestring import SafeString, mark_safe

LINK_SCHEMES = ("http://", "https://", "mailto:")
# Written addresses only: "relazione.py" or "verbale.it" in a sentence are words, not links.
WRITTEN_ADDRESS = ("http://", "https://", "www.")


def _only_written_web_and_mail_addresses(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if not href.lower().startswith(LINK_SCHEMES):
        return None
    if new and not href.lower().startswith("mailto:") and not attrs["_text"].lower().startswith(WRITTEN_ADDRESS):
        return None
    # Members link what they like: search engines should not take it as the site's word, nor the
    # opened page get hold of ours.
    attrs[(None, "rel")] = "nofollow noopener"
    attrs.pop((None, "target"), None)
    return attrs


_linker = Linker(
    url_re=build_url_re(protocols=["http", "https"]),
    callbacks=[_only_written_web_and_mail_addresses],
    parse_email=True,
)


def linkify(text):
    """``text`` as safe HTML for an element's content (never an attribute's value): nothing in it is
    markup but the links made here and its line breaks."""
    if not text:
        return SafeString("")
    # Escaped first: bleach's linker parses HTML and is no sanitizer; the escaped text has no tags left.
    linked = _linker.linkify(escape(str(text), quote=False))
    return mark_safe(linked.replace("\n", "<br>\n"))  # noqa: S308 - escaped above; only our links added
