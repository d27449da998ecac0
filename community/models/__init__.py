from .adoptions import Adoption, AdoptionIndicator
from .discussions import Post, Thread, ThreadFollow, ThreadReading
from .documents import SharedDocument
from .following import Delivery, Subscription
from .groups import Membership, WorkingGroup
from .invitations import Invitation
from .meetings import Action, Meeting
from .members import Member
from .questions import Answer, Question

__all__ = [
    "Adoption",
    "AdoptionIndicator",
    "Answer",
    "Action",
    "Delivery",
    "Invitation",
    "Meeting",
    "Member",
    "Membership",
    "Post",
    "Question",
    "SharedDocument",
    "Subscription",
    "Thread",
    "ThreadFollow",
    "ThreadReading",
    "WorkingGroup",
]
