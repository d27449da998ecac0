"""Demo practices, written in plain Italian around the activities of CIAO!.

Data only: ``practices.demo_content`` turns them into pages. One module per
group of ambiti keeps each file short.
"""

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


def all_practices():
    from .corsichese_paullese import PRACTICES as CORSICHESE_PAULLESE
    from .sud_est import PRACTICES as SUD_EST
    from .visconteo import PRACTICES as VISCONTEO

    return SUD_EST + VISCONTEO + CORSICHESE_PAULLESE
