import re
from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from ciao.models import Organisation

register = template.Library()

SPRITE_PATH = "bootstrap-italia/svg/sprites.svg"
SYMBOL_RE = re.compile(r'<symbol id="(?P<id>[^"]+)" viewBox="(?P<box>[^"]+)">(?P<body>.*?)</symbol>', re.S)


@lru_cache(maxsize=1)
def _sprite_symbols():
    path = finders.find(SPRITE_PATH)
    if path:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    else:
        with staticfiles_storage.open(SPRITE_PATH) as f:
            text = f.read().decode("utf-8")
    return {m["id"]: (m["box"], m["body"]) for m in SYMBOL_RE.finditer(text)}


@register.simple_tag
def icon(name, css_class=""):
    """Inline one Bootstrap Italia icon, so a page carries only the icons it shows.

    The whole sprite is 92 KB; an inlined icon is a few hundred bytes and costs no request.
    Icons are decorative here: the text beside them says what they mean.
    """
    box, body = _sprite_symbols()[name]
    classes = f"icon {css_class}".strip()
    return format_html(
        '<svg class="{}" viewBox="{}" aria-hidden="true" focusable="false">{}</svg>',
        classes,
        box,
        mark_safe(body),  # noqa: S308 - markup read from the pinned Bootstrap Italia package
    )


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    root = _site_root(context)
    current = context.get("page")
    items = list(root.get_children().live().public().in_menu()) if root else []
    active_path = current.path if isinstance(current, Page) else ""
    return {
        "items": [(item, active_path.startswith(item.path)) for item in items],
        "request": context.get("request"),
    }


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page=None, extra_label=None):
    page = page or context.get("page")
    root = _site_root(context)
    ancestors = []
    if isinstance(page, Page) and root and page.depth > root.depth:
        ancestors = list(page.get_ancestors().filter(depth__gte=root.depth).live().specific(defer=True))
    return {"ancestors": ancestors, "page": page, "extra_label": extra_label}


@register.simple_tag
def partner_organisations():
    return list(Organisation.objects.filter(is_partner=True).order_by("-is_lead_partner", "kind", "name"))


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's own address, or this view's address without its query string."""
    page = context.get("page")
    request = context.get("request")
    if isinstance(page, Page):
        url = page.get_full_url(request)
        if url:
            return url
    return request.build_absolute_uri(request.path) if request else ""


@register.simple_tag(takes_context=True)
def page_sections(context, page):
    """The sections other apps add below a page's own content, through the ``page_sections`` hook.

    Each hook function takes ``(request, page)`` and returns HTML (or nothing); a
    page type needs no knowledge of the apps that add to it (the community's
    adoptions and questions, for one).
    """
    from django.utils.html import format_html_join
    from wagtail import hooks

    request = context.get("request")
    parts = (function(request, page) for function in hooks.get_hooks("page_sections"))
    # Each part is escaped unless a hook marked it safe itself.
    return format_html_join("", "{}", ((part,) for part in parts if part))
