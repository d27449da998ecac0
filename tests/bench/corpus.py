"""A deterministic Italian corpus for the search benchmark.

Pages read like the site's own: titles, an introduction and a body of a few
paragraphs about inclusion, work, training and community life in the Sud Est
Milano. Words come from a domain vocabulary (nouns, adjectives and verbs in
their inflected forms, place names) plus a long tail of rarer words, chosen
with a Zipf distribution, and about half of the running words are articles,
prepositions and other function words, as in real Italian prose.

The same seed gives the same pages on every machine.
"""

import itertools
import random
from dataclasses import dataclass

NOUNS = [
    # (singular, plural)
    ("tirocinio", "tirocini"),
    ("percorso", "percorsi"),
    ("progetto", "progetti"),
    ("servizio", "servizi"),
    ("comune", "comuni"),
    ("ambito", "ambiti"),
    ("comunità", "comunità"),
    ("città", "città"),
    ("attività", "attività"),
    ("fragilità", "fragilità"),
    ("opportunità", "opportunità"),
    ("società", "società"),
    ("lavoro", "lavori"),
    ("giovane", "giovani"),
    ("donna", "donne"),
    ("famiglia", "famiglie"),
    ("persona", "persone"),
    ("cittadino", "cittadini"),
    ("operatore", "operatori"),
    ("formatore", "formatori"),
    ("educatore", "educatori"),
    ("volontario", "volontari"),
    ("associazione", "associazioni"),
    ("cooperativa", "cooperative"),
    ("impresa", "imprese"),
    ("azienda", "aziende"),
    ("scuola", "scuole"),
    ("corso", "corsi"),
    ("laboratorio", "laboratori"),
    ("incontro", "incontri"),
    ("colloquio", "colloqui"),
    ("bilancio", "bilanci"),
    ("competenza", "competenze"),
    ("abilità", "abilità"),
    ("talento", "talenti"),
    ("rete", "reti"),
    ("partner", "partner"),
    ("ente", "enti"),
    ("territorio", "territori"),
    ("quartiere", "quartieri"),
    ("casa", "case"),
    ("reddito", "redditi"),
    ("povertà", "povertà"),
    ("esclusione", "esclusioni"),
    ("inclusione", "inclusioni"),
    ("attivazione", "attivazioni"),
    ("capacitazione", "capacitazioni"),
    ("occupazione", "occupazioni"),
    ("formazione", "formazioni"),
    ("orientamento", "orientamenti"),
    ("accoglienza", "accoglienze"),
    ("valutazione", "valutazioni"),
    ("autonomia", "autonomie"),
    ("relazione", "relazioni"),
    ("bisogno", "bisogni"),
    ("risorsa", "risorse"),
    ("risultato", "risultati"),
    ("indicatore", "indicatori"),
    ("obiettivo", "obiettivi"),
    ("fase", "fasi"),
    ("modello", "modelli"),
    ("pratica", "pratiche"),
    ("esperienza", "esperienze"),
    ("strumento", "strumenti"),
    ("materiale", "materiali"),
    ("dispensa", "dispense"),
    ("scheda", "schede"),
    ("evento", "eventi"),
    ("festa", "feste"),
    ("mercato", "mercati"),
    ("biblioteca", "biblioteche"),
    ("sportello", "sportelli"),
    ("centro", "centri"),
    ("salute", "salute"),
    ("benessere", "benessere"),
    ("lingua", "lingue"),
    ("migrante", "migranti"),
    ("minore", "minori"),
    ("anziano", "anziani"),
    ("disabilità", "disabilità"),
    ("violenza", "violenze"),
    ("sostegno", "sostegni"),
    ("contributo", "contributi"),
    ("bando", "bandi"),
    ("regione", "regioni"),
    ("provincia", "province"),
    ("governance", "governance"),
    ("tavolo", "tavoli"),
    ("gruppo", "gruppi"),
    ("mediatore", "mediatori"),
    ("tutor", "tutor"),
    ("stage", "stage"),
    ("curriculum", "curricula"),
    ("mestiere", "mestieri"),
    ("agricoltura", "agricolture"),
    ("cucina", "cucine"),
    ("sartoria", "sartorie"),
    ("giardino", "giardini"),
    ("orto", "orti"),
    ("bottega", "botteghe"),
    ("trasporto", "trasporti"),
    ("diritto", "diritti"),
    ("dovere", "doveri"),
    ("cura", "cure"),
    ("figlio", "figli"),
    ("madre", "madri"),
    ("padre", "padri"),
    ("età", "età"),
    ("futuro", "futuri"),
    ("qualità", "qualità"),
    ("responsabilità", "responsabilità"),
    ("identità", "identità"),
    ("mobilità", "mobilità"),
    ("università", "università"),
    ("visita", "visite"),
]

ADJECTIVES = [
    # (masc. sing., fem. sing., masc. pl., fem. pl.)
    ("sociale", "sociale", "sociali", "sociali"),
    ("territoriale", "territoriale", "territoriali", "territoriali"),
    ("personalizzato", "personalizzata", "personalizzati", "personalizzate"),
    ("formativo", "formativa", "formativi", "formative"),
    ("lavorativo", "lavorativa", "lavorativi", "lavorative"),
    ("fragile", "fragile", "fragili", "fragili"),
    ("vulnerabile", "vulnerabile", "vulnerabili", "vulnerabili"),
    ("pubblico", "pubblica", "pubblici", "pubbliche"),
    ("privato", "privata", "privati", "private"),
    ("nuovo", "nuova", "nuovi", "nuove"),
    ("buono", "buona", "buoni", "buone"),
    ("giovane", "giovane", "giovani", "giovani"),
    ("locale", "locale", "locali", "locali"),
    ("economico", "economica", "economici", "economiche"),
    ("educativo", "educativa", "educativi", "educative"),
    ("comunitario", "comunitaria", "comunitari", "comunitarie"),
    ("inclusivo", "inclusiva", "inclusivi", "inclusive"),
    ("attivo", "attiva", "attivi", "attive"),
    ("aperto", "aperta", "aperti", "aperte"),
    ("gratuito", "gratuita", "gratuiti", "gratuite"),
    ("accessibile", "accessibile", "accessibili", "accessibili"),
    ("efficace", "efficace", "efficaci", "efficaci"),
    ("integrato", "integrata", "integrati", "integrate"),
    ("condiviso", "condivisa", "condivisi", "condivise"),
    ("concreto", "concreta", "concreti", "concrete"),
    ("difficile", "difficile", "difficili", "difficili"),
    ("semplice", "semplice", "semplici", "semplici"),
    ("piccolo", "piccola", "piccoli", "piccole"),
    ("grande", "grande", "grandi", "grandi"),
    ("primo", "prima", "primi", "prime"),
    ("ultimo", "ultima", "ultimi", "ultime"),
    ("professionale", "professionale", "professionali", "professionali"),
    ("digitale", "digitale", "digitali", "digitali"),
    ("italiano", "italiana", "italiani", "italiane"),
    ("straniero", "straniera", "stranieri", "straniere"),
    ("familiare", "familiare", "familiari", "familiari"),
    ("sanitario", "sanitaria", "sanitari", "sanitarie"),
    ("culturale", "culturale", "culturali", "culturali"),
    ("sostenibile", "sostenibile", "sostenibili", "sostenibili"),
    ("trasferibile", "trasferibile", "trasferibili", "trasferibili"),
]

VERBS = [
    # infinitive stem and conjugation class: -are, -ere, -ire
    ("accompagn", "are"),
    ("attiv", "are"),
    ("orient", "are"),
    ("form", "are"),
    ("incontr", "are"),
    ("ascolt", "are"),
    ("organizz", "are"),
    ("partecip", "are"),
    ("valorizz", "are"),
    ("sviluppa", "re"),
    ("costru", "ire"),
    ("offr", "ire"),
    ("sosten", "ere"),
    ("promuov", "ere"),
    ("coinvolg", "ere"),
    ("raccogl", "ere"),
    ("condivid", "ere"),
    ("mett", "ere"),
    ("segu", "ire"),
    ("favor", "ire"),
    ("impar", "are"),
    ("lavor", "are"),
    ("cerc", "are"),
    ("trov", "are"),
    ("propon", "ere"),
    ("rafforz", "are"),
    ("misur", "are"),
    ("valut", "are"),
    ("progett", "are"),
    ("collabor", "are"),
    ("insegn", "are"),
    ("sperimen", "tare"),
    ("racconta", "re"),
    ("aiut", "are"),
    ("cur", "are"),
    ("abit", "are"),
]
VERB_ENDINGS = {
    "are": ["are", "a", "ano", "iamo", "ato", "ata", "ati", "ando", "erà", "ava"],
    "ere": ["ere", "e", "ono", "iamo", "uto", "uta", "uti", "endo", "erà", "eva"],
    "ire": ["ire", "e", "ono", "iamo", "ito", "ita", "iti", "endo", "irà", "iva"],
    "re": ["re", "", "no", "mo", "to", "ta", "ti", "ndo", "rà", "va"],
    "tare": ["tare", "ta", "tano", "tiamo", "tato", "tata", "tati", "tando", "terà", "tava"],
}

PLACES = [
    "Milano",
    "Paullo",
    "Melegnano",
    "San Donato Milanese",
    "San Giuliano Milanese",
    "Peschiera Borromeo",
    "Pantigliate",
    "Mediglia",
    "Tribiano",
    "Dresano",
    "Vizzolo Predabissi",
    "Colturano",
    "Carpiano",
    "Cerro al Lambro",
    "San Zenone al Lambro",
    "Corsico",
    "Buccinasco",
    "Cesano Boscone",
    "Trezzano sul Naviglio",
    "Assago",
    "Cusago",
    "Binasco",
    "Rosate",
    "Abbiategrasso",
    "Casarile",
    "Lacchiarella",
    "Noviglio",
    "Zibido San Giacomo",
    "Vernate",
    "Visconteo",
    "Corsichese",
    "Lambro",
    "Naviglio",
]

FUNCTION_WORDS = (
    "il la lo i gli le un una uno di del della dei degli delle a al alla ai agli alle "
    "da dal dalla dai in nel nella nei negli con col su sul sulla per tra fra e o ma "
    "che chi cui non più anche come dove quando perché se già ancora ogni tutto tutti "
    "questo questa questi quello quella loro noi voi sono è ha hanno sia essere avere "
    "molto poco insieme sempre oggi dopo prima verso senza durante presso"
).split()

TITLE_PATTERNS = [
    "{N} e {N} {A} a {P}",
    "{N} {A}: {N} per {N}",
    "Il {N} {A} di {P}",
    "{N} per {N} {A}",
    "Come {V} {N} {A}",
    "{N} {A} nel {N} di {P}",
    "Guida al {N} {A}",
    "{N}, {N} e {N}",
]

SYLLABLES = (
    "ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu "
    "ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu "
    "va ve vi vo vu za ze zi zo zu bra bri cro fra gra pre pro stra tri spe sco"
).split()
TAIL_ENDINGS = ["o", "a", "i", "e", "ione", "mento", "tore", "ità", "ismo", "ale", "ivo", "ante"]


def _vocabulary(rng):
    words = []
    for singular, plural in NOUNS:
        words += [singular, plural]
    for forms in ADJECTIVES:
        words += list(dict.fromkeys(forms))
    for stem, conjugation in VERBS:
        words += [stem + ending for ending in VERB_ENDINGS[conjugation]]
    # No word of the domain lists is favoured over the others by its position.
    rng.shuffle(words)
    # The long tail: rarer words, names and jargon, each seen on few pages.
    tail = set()
    while len(tail) < 6000:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        tail.add(word + rng.choice(TAIL_ENDINGS))
    return words + sorted(tail)


@dataclass
class CorpusPage:
    title: str
    intro: str
    paragraphs: list  # [(heading, text)]

    @property
    def body_text(self):
        return "\n".join(f"{h}\n{t}" for h, t in self.paragraphs)

    def stream_data(self):
        """The page's body as StreamField raw data (headings and paragraphs)."""
        blocks = []
        for heading, text in self.paragraphs:
            blocks.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
            blocks.append({"type": "paragraph", "value": f"<p>{text}</p>"})
        return blocks


class Corpus:
    """``Corpus(seed).pages(n)``: the same n pages for the same seed."""

    def __init__(self, seed=2020):
        self.seed = seed
        rng = random.Random(seed)
        self.vocabulary = _vocabulary(rng)
        # Zipf-like: the k-th most common word has weight 1/(k + 10); the offset
        # keeps the commonest words from being on every page.
        self.cum_weights = list(itertools.accumulate(1.0 / (rank + 10) for rank in range(len(self.vocabulary))))
        self.nouns = [w for pair in NOUNS for w in pair]
        self.adjectives = [w for forms in ADJECTIVES for w in forms]
        self.verbs = [stem + VERB_ENDINGS[c][0] for stem, c in VERBS]

    def _words(self, rng, count):
        content = rng.choices(self.vocabulary, cum_weights=self.cum_weights, k=count)
        words = []
        for word in content:
            if rng.random() < 0.5:
                words.append(rng.choice(FUNCTION_WORDS))
            words.append(word)
        return words

    def _sentence(self, rng, count):
        words = self._words(rng, count)
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(PLACES))
        sentence = " ".join(words)
        return sentence[0].upper() + sentence[1:] + "."

    def _title(self, rng):
        pattern = rng.choice(TITLE_PATTERNS)
        while "{" in pattern:
            pattern = (
                pattern.replace("{N}", rng.choice(self.nouns), 1)
                .replace("{A}", rng.choice(self.adjectives), 1)
                .replace("{V}", rng.choice(self.verbs), 1)
                .replace("{P}", rng.choice(PLACES), 1)
            )
        return pattern[0].upper() + pattern[1:]

    def page(self, number):
        """Page ``number`` of the corpus (independent of the others)."""
        rng = random.Random(f"{self.seed}-{number}")
        intro = " ".join(self._sentence(rng, rng.randint(6, 12)) for _ in range(2))
        paragraphs = []
        for _ in range(rng.randint(2, 6)):
            heading = self._title(rng)
            text = " ".join(self._sentence(rng, rng.randint(8, 16)) for _ in range(rng.randint(2, 4)))
            paragraphs.append((heading, text))
        return CorpusPage(title=f"{self._title(rng)} ({number})", intro=intro, paragraphs=paragraphs)

    def pages(self, count):
        return [self.page(n) for n in range(count)]


# Single words, pairs, phrases, typos, unaccented words.
QUERIES = [
    "tirocini",
    "inclusione",
    "formazione",
    "comunità",
    "Paullo",
    "lavoro giovani",
    "percorso autonomia",
    "donne famiglie",
    "laboratori sartoria",
    "rete territoriale",
    '"progetto personalizzato"',
    '"inclusione sociale"',
    '"centro per il lavoro"',
    "tirocinni",
    "inclusone",
    "formazzione lavoro",
    "comunita",
    "citta accessibile",
    "attivita educative",
    "fragilita",
]
