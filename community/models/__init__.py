from .discussions import Post, Thread, ThreadFollow, ThreadReading
from .documents import SharedDocument
from .following import Delivery, Subscription
from .groups import Membership, WorkingGroup
from .invitations import Invitation
from .meetings import Action, Meeting
from .members import Member

__all__ = [
    "Action",
    "Delivery",
    "Invitation",
    "Meeting",
    "Member",
    "Membership",
    "Post",
    "SharedDocument",
    "Subscription",
    "Thread",
    "ThreadFollow",
    "ThreadReading",
    "WorkingGroup",
]
