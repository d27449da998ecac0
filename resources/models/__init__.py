from .documents import ResourceDocument
from .pages import ResourceIndexPage, ResourcePage, ResourcePageTag

__all__ = ["ResourceDocument", "ResourceIndexPage", "ResourcePage", "ResourcePageTag"]
