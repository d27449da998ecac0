from .discussions import Post, Thread, ThreadFollow, ThreadReading
from .documents import SharedDocument
from .groups import Membership, WorkingGroup
from .invitations import Invitation
from .meetings import Action, Meeting
from .members import Member

__all__ = [
    "Action",
    "Invitation",
    "Meeting",
    "Member",
    "Membership",
    "Post",
    "SharedDocument",
    "Thread",
    "ThreadFollow",
    "ThreadReading",
    "WorkingGroup",
]
