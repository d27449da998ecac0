from .dossier import DossierIndexPage, DossierPage
from .pages import HomePage, HomePageFeaturedItem, StandardPage
from .site_settings import SiteSettings
from .vocabularies import Ambito, Comune, Organisation, TargetGroup, Theme

__all__ = [
    "Ambito",
    "Comune",
    "DossierIndexPage",
    "DossierPage",
    "HomePage",
    "HomePageFeaturedItem",
    "Organisation",
    "SiteSettings",
    "StandardPage",
    "TargetGroup",
    "Theme",
]
