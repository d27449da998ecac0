"""Rules every event obeys, whether an editor or a citizen writes it.

They return {field name: message} so that the admin form and the public
proposal form both show each message next to the field it is about.
"""

from datetime import timedelta

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .recurrence import MAX_REPEAT_SPAN, local


def schedule_errors(start, end, all_day=False, frequency="", until=None):
    errors = {}
    if start is None or end is None:
        return errors
    if all_day:
        if local(end).date() < local(start).date():
            errors["end"] = _("L'ultimo giorno non può venire prima del primo.")
    elif end <= start:
        errors["end"] = _("La fine deve venire dopo l'inizio.")
    elif end - start > timedelta(days=31):
        errors["end"] = _("Un evento può durare al massimo un mese: per attività più lunghe usa la ripetizione.")
    if frequency:
        if until is None:
            errors["repeat_until"] = _("Un evento che si ripete deve avere una data di fine ripetizione.")
        elif until < local(start).date():
            errors["repeat_until"] = _("La ripetizione deve finire dopo il primo giorno dell'evento.")
        elif until - local(start).date() > MAX_REPEAT_SPAN:
            errors["repeat_until"] = _("La ripetizione può durare al massimo due anni.")
    elif until is not None:
        errors["repeat_until"] = _(
            "Hai indicato una fine ripetizione, ma l'evento non si ripete: scegli ogni quanto si ripete."
        )
    return errors


def place_errors(comune, venue, address, online_url):
    errors = {}
    if not comune and not online_url:
        message = _("Indica il comune e il luogo dell'evento, oppure il collegamento per partecipare online.")
        errors["comune"] = message
        errors["online_url"] = message
    elif (venue or address) and not comune:
        errors["comune"] = _("Indica in quale comune si trova il luogo.")
    elif comune and not (venue or address) and not online_url:
        errors["venue"] = _("Indica il luogo (per esempio la biblioteca o la sala) oppure l'indirizzo.")
    return errors


def cost_errors(is_free, price, cost_notes):
    if not is_free and price is None and not cost_notes:
        return {"price": _("Indica quanto costa partecipare, oppure segna l'evento come gratuito.")}
    return {}


def registration_errors(registration, url, email):
    if registration == "link" and not url:
        return {"registration_url": _("Indica il collegamento per iscriversi.")}
    if registration == "email" and not email:
        return {"registration_email": _("Indica l'indirizzo e-mail a cui iscriversi.")}
    return {}


def has_markup(value):
    """True when plain text contains HTML tags (a title, a venue): we refuse rather than guess."""
    return bool(value) and strip_tags(value) != value
