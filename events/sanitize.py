"""The little HTML a citizen's description may carry, cleaned with bleach's allow-list."""

import re
from functools import partial

import bleach
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = ["p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a"]
ALLOWED_ATTRIBUTES = {"a": ["href", "rel"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]
BLOCK_TAG = re.compile(r"<(p|ul|ol)\b", re.I)
# Cosmetic, before bleach (which does the security): the text inside a script is not prose.
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?(</\1\s*>|$)", re.I | re.S)
# A link whose address bleach removed (javascript:, data:) is just text.
LINK_WITHOUT_HREF = re.compile(r'<a rel="nofollow noopener">(.*?)</a>', re.S)
BLANK_LINE = re.compile(r"\n\s*\n")


def _link_rel(attrs, new=False):
    # Visitors follow these links on the redazione's word only after review; search engines never should.
    attrs[(None, "rel")] = "nofollow noopener"
    attrs.pop((None, "target"), None)
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_link_rel], skip_tags=["pre"])],
)


def clean_description(text):
    """Sanitized HTML; plain text with blank lines becomes paragraphs."""
    text = (text or "").replace("\r\n", "\n").replace("\x00", "")
    cleaned = _cleaner.clean(SCRIPT_OR_STYLE.sub("", text))
    cleaned = LINK_WITHOUT_HREF.sub(r"\1", cleaned).strip()
    if not cleaned:
        return ""
    if BLOCK_TAG.search(cleaned):
        return cleaned
    paragraphs = [p.strip() for p in BLANK_LINE.split(cleaned) if p.strip()]
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)


def plain_text(html, limit=None):
    text = " ".join(bleach.clean(html or "", tags=[], strip=True).split())
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text
