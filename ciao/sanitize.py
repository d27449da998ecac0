"""HTML that did not come from the admin's editor, cleaned with bleach's allow-lists.

- :func:`sanitize_rich_text`: rich text arriving by another road (the practice
  import), kept to the markup of ``ciao.blocks.RICH_TEXT_FEATURES``;
- :func:`clean_description`: the little HTML a citizen's event proposal may carry;
- :func:`plain_text`: the words of some HTML, for a summary.
"""

import re
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter

# The markup of ciao.blocks.RICH_TEXT_FEATURES, with links written out as addresses
# (the practice exchange format expands the editor's internal page and document links).
RICH_TEXT_TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ul", "ol", "li", "h3", "h4"}
BLOCK_KEY = "data-block-key"  # Wagtail's editor marks blocks with it
RICH_TEXT_ATTRIBUTES = {
    "a": ["href"],
    **{tag: [BLOCK_KEY] for tag in ("p", "ul", "ol", "li", "h3", "h4")},
}
RICH_TEXT_PROTOCOLS = ["http", "https", "mailto", "tel"]

# What a citizen may write in an event's description.
DESCRIPTION_TAGS = ["p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a"]
DESCRIPTION_ATTRIBUTES = {"a": ["href", "rel"]}
DESCRIPTION_PROTOCOLS = ["http", "https", "mailto"]
BLOCK_TAG = re.compile(r"<(p|ul|ol)\b", re.I)
# Cosmetic, before bleach (which does the security): the text inside a script is not prose.
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.I | re.S)
# A link whose address bleach removed (javascript:, data:) is just text.
LINK_WITHOUT_HREF = re.compile(r'<a rel="nofollow noopener">(.*?)</a>', re.S)
BLANK_LINE = re.compile(r"\n\s*\n")


def sanitize_rich_text(value):
    """The allowlisted rich text, as stored: a second line of defence after validation."""
    return bleach.clean(
        value or "",
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        protocols=RICH_TEXT_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )


def _link_rel(attrs, new=False):
    # Visitors follow these links on the redazione's word only after review; search engines never should.
    attrs[(None, "rel")] = "nofollow noopener"
    attrs.pop((None, "target"), None)
    return attrs


_description_cleaner = bleach.Cleaner(
    tags=DESCRIPTION_TAGS,
    attributes=DESCRIPTION_ATTRIBUTES,
    protocols=DESCRIPTION_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_link_rel], skip_tags=["pre"])],
)


def clean_description(text):
    """Sanitized HTML; plain text with blank lines becomes paragraphs."""
    text = (text or "").replace("\r\n", "\n").replace("\x00", "")
    cleaned = _description_cleaner.clean(SCRIPT_OR_STYLE.sub("", text))
    cleaned = LINK_WITHOUT_HREF.sub(r"\1", cleaned).strip()
    if not cleaned:
        return ""
    if BLOCK_TAG.search(cleaned):
        return cleaned
    paragraphs = [p.strip() for p in BLANK_LINE.split(cleaned) if p.strip()]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)


def plain_text(html, limit=None):
    """The words of ``html``, without markup, shortened on a word to ``limit`` characters."""
    text = " ".join(bleach.clean(html or "", tags=[], strip=True).split())
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
