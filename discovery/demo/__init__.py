"""Demo synonyms of the site search: the programme's abbreviations and ways of saying the same thing."""

from discovery.models import SearchSynonym

# (terms, also): "also" empty means the terms are equivalent.
SYNONYMS = [
    ("cv", "curriculum"),
    ("curriculum, curriculum vitae", ""),
    ("stage, tirocinio", ""),
    ("CPI", "centro per l'impiego, centri per l'impiego"),
    ("mamma, madre", ""),
    ("disabilità, disabili", ""),
    ("L2", "lingua italiana, corso di italiano, italiano per stranieri, conversazione in italiano"),
    ("NEET, giovani che non studiano e non lavorano", ""),
    ("SPID, identità digitale", ""),
    ("baby-sitter, babysitter, spazio bimbi", ""),
    ("doposcuola, aiuto compiti", ""),
    ("badante, assistente familiare", ""),
]


def seed(demo):
    for terms, also in SYNONYMS:
        SearchSynonym.objects.get_or_create(terms=terms, defaults={"also": also})
