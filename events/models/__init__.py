from .event import EventPage, EventPageExceptionDate, EventPageTag
from .index import EventIndexPage
from .proposal import EventProposal

__all__ = ["EventIndexPage", "EventPage", "EventPageExceptionDate", "EventPageTag", "EventProposal"]
