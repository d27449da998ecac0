from .audience import Audience
from .documents import ResourceDocument
from .pages import ResourceIndexPage, ResourcePage, ResourcePageTag
from .parts import ResourceFile, ResourceLink, ResourceRelatedPractice

__all__ = [
    "Audience",
    "ResourceDocument",
    "ResourceFile",
    "ResourceIndexPage",
    "ResourceLink",
    "ResourcePage",
    "ResourcePageTag",
    "ResourceRelatedPractice",
]
