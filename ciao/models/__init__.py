from .dossier import DossierIndexPage, DossierPage
from .file_use import FileUse
from .pages import HomePage, HomePageFeaturedItem, StandardPage
from .site_settings import SiteSettings
from .vocabularies import Ambito, Comune, Organisation, TargetGroup, Theme

__all__ = [
    "Ambito",
    "Comune",
    "DossierIndexPage",
    "DossierPage",
    "FileUse",
    "HomePage",
    "HomePageFeaturedItem",
    "Organisation",
    "SiteSettings",
    "StandardPage",
    "TargetGroup",
    "Theme",
]
