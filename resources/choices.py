"""Fixed lists of a material's record: kind, level, language and licence.

Licences are code, not data: each one is a legal text with a fixed address,
and visitors are told in plain words what it lets them do.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    HANDOUT = "dispensa", _("Dispensa")
    SLIDES = "slide", _("Slide")
    ACTIVITY_SHEET = "scheda-attivita", _("Scheda di attività")
    VIDEO = "video", _("Video")
    TOOLKIT = "toolkit", _("Toolkit")
    COURSE_MODULE = "modulo-formativo", _("Modulo formativo")
    GUIDE = "guida", _("Guida")
    TEMPLATE = "modulistica", _("Modelli e moduli")


class Level(models.TextChoices):
    BASIC = "base", _("Base")
    INTERMEDIATE = "intermedio", _("Intermedio")
    ADVANCED = "avanzato", _("Avanzato")


class Language(models.TextChoices):
    ITALIAN = "it", _("Italiano")
    ENGLISH = "en", _("Inglese")
    FRENCH = "fr", _("Francese")
    SPANISH = "es", _("Spagnolo")
    ARABIC = "ar", _("Arabo")
    ROMANIAN = "ro", _("Rumeno")
    ALBANIAN = "sq", _("Albanese")
    UKRAINIAN = "uk", _("Ucraino")
    CHINESE = "zh", _("Cinese")
    SEVERAL = "mul", _("Più lingue")


@dataclass(frozen=True)
class Licence:
    code: str
    name: str
    short_name: str
    url: str
    # What a reader may do with the material, in plain words.
    permits: str


LICENCES = [
    Licence(
        "cc-by-4.0",
        _("Creative Commons Attribuzione 4.0 Internazionale"),
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/deed.it",
        _(
            "Può copiare, distribuire e modificare il materiale, anche per fini commerciali, citando chi lo ha realizzato."
        ),
    ),
    Licence(
        "cc-by-sa-4.0",
        _("Creative Commons Attribuzione - Condividi allo stesso modo 4.0 Internazionale"),
        "CC BY-SA 4.0",
        "https://creativecommons.org/licenses/by-sa/4.0/deed.it",
        _(
            "Può copiare, distribuire e modificare il materiale citando chi lo ha realizzato; "
            "se lo modifica, deve condividerlo con la stessa licenza."
        ),
    ),
    Licence(
        "cc-by-nc-4.0",
        _("Creative Commons Attribuzione - Non commerciale 4.0 Internazionale"),
        "CC BY-NC 4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/deed.it",
        _(
            "Può copiare, distribuire e modificare il materiale citando chi lo ha realizzato, ma non per fini commerciali."
        ),
    ),
    Licence(
        "cc-by-nc-sa-4.0",
        _("Creative Commons Attribuzione - Non commerciale - Condividi allo stesso modo 4.0 Internazionale"),
        "CC BY-NC-SA 4.0",
        "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.it",
        _(
            "Può copiare, distribuire e modificare il materiale citando chi lo ha realizzato, non per fini commerciali; "
            "se lo modifica, deve condividerlo con la stessa licenza."
        ),
    ),
    Licence(
        "cc-by-nd-4.0",
        _("Creative Commons Attribuzione - Non opere derivate 4.0 Internazionale"),
        "CC BY-ND 4.0",
        "https://creativecommons.org/licenses/by-nd/4.0/deed.it",
        _("Può copiare e distribuire il materiale così com'è, citando chi lo ha realizzato; non può modificarlo."),
    ),
    Licence(
        "cc-by-nc-nd-4.0",
        _("Creative Commons Attribuzione - Non commerciale - Non opere derivate 4.0 Internazionale"),
        "CC BY-NC-ND 4.0",
        "https://creativecommons.org/licenses/by-nc-nd/4.0/deed.it",
        _(
            "Può copiare e distribuire il materiale così com'è, citando chi lo ha realizzato e non per fini commerciali; "
            "non può modificarlo."
        ),
    ),
    Licence(
        "cc0-1.0",
        _("Creative Commons CC0 1.0 Universale (pubblico dominio)"),
        "CC0 1.0",
        "https://creativecommons.org/publicdomain/zero/1.0/deed.it",
        _("Può usare il materiale liberamente, per qualsiasi scopo, senza obblighi."),
    ),
    Licence(
        "tutti-i-diritti-riservati",
        _("Tutti i diritti riservati"),
        _("Tutti i diritti riservati"),
        "",
        _("Può consultare il materiale; per riutilizzarlo serve il permesso di chi lo ha realizzato."),
    ),
]
LICENCES_BY_CODE = {licence.code: licence for licence in LICENCES}
LICENCE_CHOICES = [(licence.code, licence.short_name) for licence in LICENCES]
DEFAULT_LICENCE = "cc-by-4.0"
