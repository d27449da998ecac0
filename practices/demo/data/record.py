"""One demo practice, as the data modules write it."""

from dataclasses import dataclass, field


@dataclass
class DemoPractice:
    slug: str
    title: str
    ambito: str
    comuni: list
    lead: str
    themes: list
    targets: list
    tags: list
    period: tuple  # (start, end or None), ISO dates
    phases: list  # keys of PHASES this practice carries out
    summary: str
    context: str
    objectives: list
    steps: list  # [(title, description)]
    results: str
    indicators: list  # [(name, value, unit, year)]
    contact: tuple  # (name, e-mail, phone)
    partners: list = field(default_factory=list)
    staff: str = ""
    budget: int = None
    funding: str = ""
    evidence: str = ""
    lessons: str = ""
    transfer: str = ""
    draft: bool = False
