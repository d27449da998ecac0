"""What the site does with the text a visitor types before searching."""

import re
import unicodedata

MAX_QUERY_LENGTH = 200

# Control characters (NUL included) carry no meaning in a search and upset some backends.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_query(raw):
    """Return ``(query, truncated)``: normalised, without control characters, at most 200 characters."""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", raw or ""))
    text = " ".join(text.split())
    truncated = len(text) > MAX_QUERY_LENGTH
    return text[:MAX_QUERY_LENGTH].strip(), truncated


# A query that looks like personal data is not logged for editors.
_PERSONAL = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+"  # e-mail
    r"|\+?\d[\d .-]{6,}\d"  # phone number
    r"|\b[a-z]{6}\d{2}[a-z]\d{2}[a-z]\d{3}[a-z]\b",  # codice fiscale
    re.IGNORECASE,
)


def looks_personal(query):
    return bool(_PERSONAL.search(query))
