from practices.choices import PracticeStatus

from .index import PracticeIndexPage
from .intervention import InterventionModelPage, PhaseBlock
from .parts import Licence, PracticeAttachment, PracticeIndicator, PracticePageTag, PracticeStep
from .practice import PracticePage, derive_status

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
]
