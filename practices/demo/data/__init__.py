"""Demo practices, written in plain Italian around the activities of CIAO!.

Data only: ``practices.demo`` turns them into pages. One module per group of
ambiti keeps each file short; ``model`` is the intervention model's path.
"""

from .corsichese_paullese import PRACTICES as CORSICHESE_PAULLESE
from .sud_est import PRACTICES as SUD_EST
from .visconteo import PRACTICES as VISCONTEO


def all_practices():
    return SUD_EST + VISCONTEO + CORSICHESE_PAULLESE
