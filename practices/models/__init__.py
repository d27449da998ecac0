from .index import PracticeIndexPage
from .intervention import InterventionModelPage, PhaseBlock
from .parts import Licence, PracticeAttachment, PracticeIndicator, PracticePageTag, PracticeStep
from .practice import PracticePage, PracticeStatus, derive_status, load_practice_relations

__all__ = [
    "InterventionModelPage",
    "Licence",
    "PhaseBlock",
    "PracticeAttachment",
    "PracticeIndexPage",
    "PracticeIndicator",
    "PracticePage",
    "PracticePageTag",
    "PracticeStatus",
    "PracticeStep",
    "derive_status",
    "load_practice_relations",
]
