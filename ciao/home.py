"""Automatic blocks of the home page ("ultime pratiche", "prossimi eventi", ...).

The content apps contribute them without ``ciao`` importing the apps: a page
model takes part by defining a classmethod ``home_section(request, home)`` that
returns a :class:`HomeSection` (or ``None`` when it has nothing to show).
"""

from dataclasses import dataclass, field

from wagtail.models import get_page_models


@dataclass
class HomeSection:
    title: str
    items: list
    more_url: str = ""
    more_label: str = ""
    order: int = 100
    # Template that renders one item; it receives ``item``.
    item_template: str = "includes/card.html"
    extra: dict = field(default_factory=dict)


def home_sections(request, home):
    sections = []
    for model in get_page_models():
        if "home_section" not in model.__dict__:
            continue
        section = model.home_section(request, home)
        if section and section.items:
            sections.append(section)
    return sorted(sections, key=lambda s: (s.order, s.title))
