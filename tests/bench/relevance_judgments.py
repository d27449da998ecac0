"""Judged queries over the demo content (``manage.py seed_demo``), for the relevance benchmark.

Each query has graded judgments ``{URL path: grade}``: 3 the page is exactly what was
asked, 2 clearly relevant, 1 marginally relevant; a page not listed is 0. Pages are
named by their URL path, which seeding keeps stable.

How they were made: by reading the demo texts (``ciao/demo/``, ``practices/demo/data/``,
``resources/demo/data.py``, ``events/demo/data.py``) and asking what a person typing the
query wants, never by looking at what a search engine returns. An abbreviation or a
synonym is judged by its subject ("cv": the pages on writing a curriculum, whether or
not they write "cv"); a place by what happens there (practices and events in that
comune or ambito). Only pages a visitor may find are judged: live, public pages of the
types /cerca/ lists (not the home page nor the listings; not the material reserved to
logged-in users, nor the draft practice, nor the event proposal awaiting review).

A query that expresses the same need as another (a typo, an accent left out, "cv" for
"curriculum") shares its judgments, so that the groups can be compared.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    group: str
    judgments: dict


GROUPS = ("words", "phrases", "typos", "abbreviations", "unaccented", "places", "stems")


# Needs shared by several queries.

TIROCINI = {
    "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 3,
    "/buone-pratiche/tirocini-logistica-assago/": 3,
    "/materiali/tirocini-inclusione-vademecum/": 3,
    "/dossier/dal-tirocinio-al-lavoro/": 3,
    "/eventi/orientamento-tirocini/": 3,
    "/eventi/webinar-tirocini-imprese/": 3,
    "/buone-pratiche/giovani-in-bottega/": 2,
    "/materiali/diario-di-stage/": 2,
    "/modello-di-intervento/": 2,
    "/eventi/imprese-del-territorio/": 2,
    "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/": 2,
    "/buone-pratiche/laboratorio-di-sartoria-sociale/": 1,
    "/buone-pratiche/autonomia-dopo-la-violenza/": 1,
    "/materiali/imprese-inclusive-incontro-aziende/": 1,
    "/buone-pratiche/albo-enti-accreditati-corsichese/": 1,
    "/buone-pratiche/patente-e-mobilita/": 1,
}

CURRICULUM = {
    "/materiali/scrivere-il-curriculum/": 3,
    "/eventi/curriculum-san-zenone/": 3,
    "/buone-pratiche/laboratorio-digitale/": 2,
    "/buone-pratiche/bilancio-di-competenze-per-donne/": 2,
    "/buone-pratiche/sportello-lavoro-itinerante/": 2,
    "/buone-pratiche/coworking-per-mamme/": 2,
    "/materiali/laboratorio-cittadinanza-digitale/": 2,
    "/materiali/bilancio-di-competenze-toolkit/": 2,
    "/materiali/prepararsi-al-colloquio-di-lavoro/": 1,
    "/buone-pratiche/mentori-volontari-per-il-lavoro/": 1,
}

VOLONTARIATO = {
    "/materiali/volontariato-di-competenza-guida/": 3,
    "/buone-pratiche/festa-delle-associazioni-paullo/": 3,
    "/buone-pratiche/mentori-volontari-per-il-lavoro/": 3,
    "/buone-pratiche/cene-di-quartiere-a-melegnano/": 2,
    "/buone-pratiche/orti-condivisi-buccinasco-cusago/": 2,
    "/materiali/comunita-accogliente-eventi-di-quartiere/": 2,
    "/dossier/comunita-che-accoglie/": 2,
    "/eventi/festa-associazioni-opera/": 1,
    "/modello-di-intervento/": 1,
    "/materiali/scouting-territoriale-scheda-segnalazione/": 1,
}

SARTORIA = {
    "/buone-pratiche/laboratorio-di-sartoria-sociale/": 3,
    "/eventi/sartoria-sociale/": 3,
}

PATENTE = {"/buone-pratiche/patente-e-mobilita/": 3}

ORIENTAMENTO = {
    "/buone-pratiche/sportello-lavoro-itinerante/": 3,
    "/eventi/sportello-orientamento-melegnano/": 3,
    "/eventi/orientamento-tirocini/": 3,
    "/buone-pratiche/spazio-donne-corsico/": 2,
    "/buone-pratiche/bilancio-di-competenze-per-donne/": 2,
    "/materiali/bilancio-di-competenze-toolkit/": 2,
    "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 2,
    "/buone-pratiche/italiano-per-il-lavoro-paullo/": 2,
    "/buone-pratiche/laboratorio-digitale/": 2,
    "/eventi/sportello-lavoro-rozzano/": 2,
    "/eventi/open-day-corsi/": 1,
    "/buone-pratiche/autonomia-dopo-la-violenza/": 1,
}

LOGISTICA = {
    "/buone-pratiche/tirocini-logistica-assago/": 3,
    "/buone-pratiche/patente-e-mobilita/": 1,
}

VIOLENZA = {
    "/buone-pratiche/autonomia-dopo-la-violenza/": 3,
    "/eventi/rete-antiviolenza-incontro/": 3,
    "/buone-pratiche/laboratorio-di-sartoria-sociale/": 2,
    "/chi-siamo/": 1,
}

COLLOQUIO_DI_LAVORO = {
    "/materiali/prepararsi-al-colloquio-di-lavoro/": 3,
    "/eventi/colloqui-di-lavoro/": 3,
    "/buone-pratiche/mentori-volontari-per-il-lavoro/": 2,
    "/buone-pratiche/italiano-per-il-lavoro-paullo/": 2,
    "/buone-pratiche/bilancio-di-competenze-per-donne/": 1,
    "/buone-pratiche/laboratorio-digitale/": 1,
    "/materiali/corso-italiano-per-il-lavoro/": 1,
    "/buone-pratiche/sportello-lavoro-itinerante/": 1,
}

BILANCIO_DI_COMPETENZE = {
    "/buone-pratiche/bilancio-di-competenze-per-donne/": 3,
    "/materiali/bilancio-di-competenze-toolkit/": 3,
    "/eventi/bilancio-di-competenze/": 3,
    "/materiali/scrivere-il-curriculum/": 1,
    "/materiali/competenze-trasversali-attivita-di-gruppo/": 1,
}

EDUCATIVA_DI_STRADA = {
    "/buone-pratiche/educativa-di-strada-rozzano-pieve/": 3,
    "/buone-pratiche/antenne-di-quartiere/": 2,
    "/modello-di-intervento/": 2,
    "/materiali/mappatura-risorse-territorio/": 1,
    "/materiali/emersione-bisogni-slide-corso/": 1,
    "/materiali/scouting-territoriale-scheda-segnalazione/": 1,
}

ITALIANO = {
    "/buone-pratiche/italiano-per-il-lavoro-paullo/": 3,
    "/materiali/corso-italiano-per-il-lavoro/": 3,
    "/eventi/italiano-per-donne/": 2,
    "/buone-pratiche/patente-e-mobilita/": 1,
}

MAMME = {
    "/buone-pratiche/coworking-per-mamme/": 3,
    "/buone-pratiche/spazio-donne-corsico/": 2,
    "/eventi/conciliare-lavoro-famiglia/": 2,
    "/buone-pratiche/bilancio-di-competenze-per-donne/": 2,
    "/materiali/corso-italiano-per-il-lavoro/": 1,
    "/buone-pratiche/italiano-per-il-lavoro-paullo/": 1,
}

COMUNITA = {
    "/materiali/comunita-accogliente-eventi-di-quartiere/": 3,
    "/dossier/comunita-che-accoglie/": 3,
    "/eventi/tavolo-comunita-di-pratica/": 2,
    "/buone-pratiche/cene-di-quartiere-a-melegnano/": 2,
    "/buone-pratiche/orti-condivisi-buccinasco-cusago/": 2,
    "/buone-pratiche/festa-delle-associazioni-paullo/": 2,
    "/eventi/passeggiata-naviglio/": 2,
    "/modello-di-intervento/": 2,
    "/buone-pratiche/formazione-congiunta-operatori-visconteo/": 2,
    "/buone-pratiche/mentori-volontari-per-il-lavoro/": 1,
    "/chi-siamo/governance/": 1,
    "/chi-siamo/": 1,
}

ATTIVITA_DI_GRUPPO = {
    "/materiali/competenze-trasversali-attivita-di-gruppo/": 3,
    "/buone-pratiche/bilancio-di-competenze-per-donne/": 2,
    "/buone-pratiche/gruppo-di-parola-genitori/": 2,
    "/buone-pratiche/laboratorio-di-sartoria-sociale/": 1,
    "/eventi/italiano-per-donne/": 1,
}

MELEGNANO = {
    "/buone-pratiche/cene-di-quartiere-a-melegnano/": 3,
    "/eventi/bilancio-di-competenze/": 3,
    "/eventi/sportello-orientamento-melegnano/": 3,
    "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 2,
    "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 2,
    "/buone-pratiche/autonomia-dopo-la-violenza/": 2,
    "/buone-pratiche/laboratorio-digitale/": 2,
}


QUERIES = [
    # words: the one word a citizen, an operatore or a formatore types first.
    JudgedQuery("tirocini", "words", TIROCINI),
    JudgedQuery("tirocinio", "words", TIROCINI),
    JudgedQuery(
        "stage",
        "words",
        {
            "/buone-pratiche/giovani-in-bottega/": 3,
            "/materiali/diario-di-stage/": 3,
            "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 2,
            "/buone-pratiche/tirocini-logistica-assago/": 2,
            "/materiali/tirocini-inclusione-vademecum/": 2,
            "/dossier/dal-tirocinio-al-lavoro/": 2,
            "/modello-di-intervento/": 2,
            "/eventi/orientamento-tirocini/": 2,
            "/eventi/webinar-tirocini-imprese/": 2,
        },
    ),
    JudgedQuery("curriculum", "words", CURRICULUM),
    JudgedQuery("volontariato", "words", VOLONTARIATO),
    JudgedQuery("sartoria", "words", SARTORIA),
    JudgedQuery("patente", "words", PATENTE),
    JudgedQuery("orientamento", "words", ORIENTAMENTO),
    JudgedQuery("logistica", "words", LOGISTICA),
    JudgedQuery(
        "orti",
        "words",
        {
            "/buone-pratiche/orti-condivisi-buccinasco-cusago/": 3,
            "/eventi/orto-urbano/": 3,
        },
    ),
    JudgedQuery("antiviolenza", "words", VIOLENZA),
    JudgedQuery(
        "mentoring",
        "words",
        {
            "/buone-pratiche/mentori-volontari-per-il-lavoro/": 3,
            "/materiali/volontariato-di-competenza-guida/": 3,
        },
    ),
    # An operatore means the first interview of accoglienza, a citizen the job interview: both.
    JudgedQuery(
        "colloquio",
        "words",
        {
            "/materiali/prepararsi-al-colloquio-di-lavoro/": 3,
            "/materiali/primo-colloquio-accoglienza/": 3,
            "/eventi/colloqui-di-lavoro/": 3,
            "/buone-pratiche/mentori-volontari-per-il-lavoro/": 2,
            "/buone-pratiche/italiano-per-il-lavoro-paullo/": 2,
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 2,
            "/buone-pratiche/antenne-di-quartiere/": 1,
            "/buone-pratiche/sportello-lavoro-itinerante/": 1,
            "/buone-pratiche/bilancio-di-competenze-per-donne/": 1,
        },
    ),
    JudgedQuery(
        "conciliazione",
        "words",
        {
            "/buone-pratiche/coworking-per-mamme/": 3,
            "/eventi/conciliare-lavoro-famiglia/": 3,
            "/buone-pratiche/spazio-donne-corsico/": 2,
            "/buone-pratiche/bilancio-di-competenze-per-donne/": 1,
            "/modello-di-intervento/": 1,
        },
    ),
    JudgedQuery(
        "donne",
        "words",
        {
            "/buone-pratiche/spazio-donne-corsico/": 3,
            "/buone-pratiche/bilancio-di-competenze-per-donne/": 3,
            "/buone-pratiche/autonomia-dopo-la-violenza/": 3,
            "/eventi/caffe-delle-donne/": 3,
            "/eventi/italiano-per-donne/": 3,
            "/buone-pratiche/coworking-per-mamme/": 2,
            "/buone-pratiche/laboratorio-di-sartoria-sociale/": 2,
            "/eventi/rete-antiviolenza-incontro/": 2,
            "/eventi/sartoria-sociale/": 2,
            "/eventi/teatro-raccontarsi/": 2,
            "/buone-pratiche/italiano-per-il-lavoro-paullo/": 2,
            "/materiali/corso-italiano-per-il-lavoro/": 2,
            "/chi-siamo/": 1,
            "/buone-pratiche/laboratorio-digitale/": 1,
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 1,
            "/buone-pratiche/progetto-personalizzato-scritto-insieme/": 1,
            "/eventi/conciliare-lavoro-famiglia/": 1,
            "/materiali/emersione-bisogni-slide-corso/": 1,
        },
    ),
    # A formatore looking for slides to reuse.
    JudgedQuery(
        "slide",
        "words",
        {
            "/materiali/emersione-bisogni-slide-corso/": 3,
            "/materiali/imprese-inclusive-incontro-aziende/": 3,
        },
    ),
    JudgedQuery(
        "laboratori",
        "words",
        {
            "/buone-pratiche/laboratorio-di-sartoria-sociale/": 3,
            "/buone-pratiche/laboratorio-digitale/": 3,
            "/materiali/laboratorio-cittadinanza-digitale/": 3,
            "/eventi/cucina-dal-mondo/": 3,
            "/eventi/curriculum-san-zenone/": 3,
            "/eventi/fotografia-giovani/": 3,
            "/eventi/teatro-raccontarsi/": 3,
            "/eventi/orto-urbano/": 3,
            "/eventi/sartoria-sociale/": 3,
            "/buone-pratiche/coworking-per-mamme/": 2,
            "/buone-pratiche/bilancio-di-competenze-per-donne/": 2,
            "/buone-pratiche/italiano-per-il-lavoro-paullo/": 2,
            "/modello-di-intervento/": 2,
            "/buone-pratiche/albo-enti-accreditati-corsichese/": 1,
            "/materiali/competenze-trasversali-attivita-di-gruppo/": 1,
        },
    ),
    # phrases: several words, as operatori name methods and citizens describe a need.
    JudgedQuery(
        "tirocini di inclusione",
        "phrases",
        {
            "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 3,
            "/materiali/tirocini-inclusione-vademecum/": 3,
            "/eventi/webinar-tirocini-imprese/": 3,
            "/dossier/dal-tirocinio-al-lavoro/": 3,
            "/buone-pratiche/tirocini-logistica-assago/": 2,
            "/eventi/orientamento-tirocini/": 2,
            "/buone-pratiche/giovani-in-bottega/": 2,
            "/materiali/diario-di-stage/": 2,
            "/modello-di-intervento/": 2,
            "/eventi/imprese-del-territorio/": 1,
            "/materiali/imprese-inclusive-incontro-aziende/": 1,
            "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/": 1,
        },
    ),
    JudgedQuery("bilancio di competenze", "phrases", BILANCIO_DI_COMPETENZE),
    JudgedQuery(
        "progetto personalizzato",
        "phrases",
        {
            "/buone-pratiche/progetto-personalizzato-scritto-insieme/": 3,
            "/materiali/modello-progetto-personalizzato/": 3,
            "/materiali/patto-di-inclusione/": 2,
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 2,
            "/modello-di-intervento/": 2,
            "/buone-pratiche/patente-e-mobilita/": 1,
            "/materiali/bilancio-di-competenze-toolkit/": 1,
            "/buone-pratiche/autonomia-dopo-la-violenza/": 1,
            "/buone-pratiche/formazione-congiunta-operatori-visconteo/": 1,
        },
    ),
    JudgedQuery("colloquio di lavoro", "phrases", COLLOQUIO_DI_LAVORO),
    JudgedQuery("educativa di strada", "phrases", EDUCATIVA_DI_STRADA),
    JudgedQuery(
        "rete con le imprese",
        "phrases",
        {
            "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/": 3,
            "/buone-pratiche/tirocini-logistica-assago/": 3,
            "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 3,
            "/buone-pratiche/giovani-in-bottega/": 3,
            "/materiali/imprese-inclusive-incontro-aziende/": 2,
            "/eventi/imprese-del-territorio/": 2,
            "/buone-pratiche/mentori-volontari-per-il-lavoro/": 2,
            "/eventi/webinar-tirocini-imprese/": 2,
            "/eventi/job-day-sud-est/": 1,
            "/dossier/dal-tirocinio-al-lavoro/": 1,
        },
    ),
    JudgedQuery("corso di italiano", "phrases", ITALIANO),
    JudgedQuery(
        "comunità di pratica",
        "phrases",
        {
            "/eventi/tavolo-comunita-di-pratica/": 3,
            "/buone-pratiche/formazione-congiunta-operatori-visconteo/": 3,
            "/chi-siamo/governance/": 3,
            "/chi-siamo/": 2,
            "/eventi/risultati-ciao/": 1,
        },
    ),
    # A mother out of work, in her own words.
    JudgedQuery("lavoro per mamme", "phrases", MAMME),
    JudgedQuery(
        "feste di quartiere",
        "phrases",
        {
            "/materiali/comunita-accogliente-eventi-di-quartiere/": 3,
            "/buone-pratiche/cene-di-quartiere-a-melegnano/": 3,
            "/buone-pratiche/festa-delle-associazioni-paullo/": 2,
            "/eventi/festa-associazioni-opera/": 2,
            "/buone-pratiche/orti-condivisi-buccinasco-cusago/": 2,
            "/dossier/comunita-che-accoglie/": 2,
            "/eventi/mercatino-solidale/": 2,
            "/eventi/fotografia-giovani/": 1,
            "/buone-pratiche/antenne-di-quartiere/": 1,
            "/eventi/colazione-benvenuto-dresano/": 1,
            "/eventi/cena-multiculturale/": 1,
        },
    ),
    JudgedQuery("come scrivere un curriculum", "phrases", CURRICULUM),
    JudgedQuery("donne vittime di violenza", "phrases", VIOLENZA),
    JudgedQuery(
        "scheda di segnalazione",
        "phrases",
        {
            "/materiali/scouting-territoriale-scheda-segnalazione/": 3,
            "/buone-pratiche/antenne-di-quartiere/": 1,
        },
    ),
    # typos: one or two letters wrong, as typed on a phone; the need is that of the right word.
    JudgedQuery("tirocnio", "typos", TIROCINI),
    JudgedQuery("curiculum", "typos", CURRICULUM),
    JudgedQuery("volontariatto", "typos", VOLONTARIATO),
    JudgedQuery("satoria", "typos", SARTORIA),
    JudgedQuery("orientamneto", "typos", ORIENTAMENTO),
    JudgedQuery("coloquio di lavoro", "typos", COLLOQUIO_DI_LAVORO),
    JudgedQuery("antivolenza", "typos", VIOLENZA),
    JudgedQuery("logistca", "typos", LOGISTICA),
    JudgedQuery("bilancio di competeze", "typos", BILANCIO_DI_COMPETENZE),
    JudgedQuery("Melegano", "typos", MELEGNANO),
    JudgedQuery("educativa di starda", "typos", EDUCATIVA_DI_STRADA),
    JudgedQuery("patenet", "typos", PATENTE),
    # abbreviations: what operatori say among themselves, judged by subject.
    JudgedQuery("cv", "abbreviations", CURRICULUM),
    JudgedQuery("L2", "abbreviations", ITALIANO),
    # NEET: the young people who neither study nor work.
    JudgedQuery(
        "NEET",
        "abbreviations",
        {
            "/buone-pratiche/educativa-di-strada-rozzano-pieve/": 3,
            "/buone-pratiche/giovani-in-bottega/": 2,
            "/materiali/emersione-bisogni-slide-corso/": 2,
            "/eventi/orientamento-tirocini/": 1,
            "/eventi/open-day-corsi/": 1,
            "/eventi/sportello-orientamento-melegnano/": 1,
        },
    ),
    # A family asking about the benefits that need an ISEE: the demo has no page on it, only these.
    JudgedQuery(
        "ISEE",
        "abbreviations",
        {
            "/eventi/sportello-famiglie-pieve/": 2,
            "/eventi/educazione-finanziaria/": 1,
        },
    ),
    JudgedQuery(
        "SPID",
        "abbreviations",
        {
            "/buone-pratiche/laboratorio-digitale/": 3,
            "/materiali/laboratorio-cittadinanza-digitale/": 3,
            "/eventi/informatica-di-base-presentazione/": 2,
        },
    ),
    # CPI: the centro per l'impiego, the public employment office.
    JudgedQuery(
        "CPI",
        "abbreviations",
        {
            "/buone-pratiche/sportello-lavoro-itinerante/": 2,
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 1,
            "/eventi/sportello-lavoro-rozzano/": 1,
            "/eventi/sportello-orientamento-melegnano/": 1,
        },
    ),
    # The lead partner, written without its dots: who it is first, then what it leads.
    JudgedQuery(
        "assemi",
        "abbreviations",
        {
            "/chi-siamo/": 3,
            "/chi-siamo/governance/": 2,
            "/buone-pratiche/servizio-sociale-di-prossimita-paullo/": 2,
            "/buone-pratiche/antenne-di-quartiere/": 1,
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 1,
            "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 1,
            "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/": 1,
            "/buone-pratiche/gruppo-di-parola-genitori/": 1,
            "/eventi/tavolo-comunita-di-pratica/": 1,
            "/eventi/colazione-benvenuto-dresano/": 1,
            "/eventi/job-day-sud-est/": 1,
            "/eventi/risultati-ciao/": 1,
            "/materiali/mappatura-risorse-territorio/": 1,
            "/materiali/modello-progetto-personalizzato/": 1,
        },
    ),
    # unaccented: typed on a keyboard without Italian accents, or out of habit.
    JudgedQuery("comunita", "unaccented", COMUNITA),
    # Città Metropolitana di Milano, the programme's referent.
    JudgedQuery(
        "citta metropolitana",
        "unaccented",
        {
            "/chi-siamo/governance/": 3,
            "/materiali/valutare-i-percorsi-indicatori/": 2,
        },
    ),
    JudgedQuery("attivita di gruppo", "unaccented", ATTIVITA_DI_GRUPPO),
    JudgedQuery(
        "accessibilita",
        "unaccented",
        {
            "/accessibilita/": 3,
            "/eventi/passeggiata-naviglio/": 1,
        },
    ),
    JudgedQuery(
        "mobilita",
        "unaccented",
        {
            "/buone-pratiche/patente-e-mobilita/": 3,
            "/modello-di-intervento/": 1,
        },
    ),
    JudgedQuery(
        "equipe di accoglienza",
        "unaccented",
        {
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 3,
            "/materiali/primo-colloquio-accoglienza/": 2,
            "/buone-pratiche/spazio-donne-corsico/": 2,
            "/buone-pratiche/servizio-sociale-di-prossimita-paullo/": 2,
            "/modello-di-intervento/": 1,
            "/buone-pratiche/formazione-congiunta-operatori-visconteo/": 1,
            "/eventi/tavolo-comunita-di-pratica/": 1,
            "/materiali/mappatura-risorse-territorio/": 1,
        },
    ),
    JudgedQuery(
        "caffe delle donne",
        "unaccented",
        {
            "/eventi/caffe-delle-donne/": 3,
            "/buone-pratiche/spazio-donne-corsico/": 1,
        },
    ),
    JudgedQuery(
        "prossimita",
        "unaccented",
        {
            "/buone-pratiche/servizio-sociale-di-prossimita-paullo/": 3,
            "/materiali/mappatura-risorse-territorio/": 2,
            "/buone-pratiche/antenne-di-quartiere/": 1,
            "/buone-pratiche/educativa-di-strada-rozzano-pieve/": 1,
        },
    ),
    JudgedQuery(
        "responsabilita sociale",
        "unaccented",
        {
            "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/": 3,
            "/materiali/imprese-inclusive-incontro-aziende/": 3,
            "/eventi/imprese-del-territorio/": 2,
            "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 1,
        },
    ),
    # places: a citizen or an operatore asking what happens in a comune or an ambito.
    # 3: located only there (or named in the title), 2: a practice spread over several
    # comuni including it, 1: an event in one of an ambito's comuni.
    JudgedQuery(
        "Rozzano",
        "places",
        {
            "/buone-pratiche/educativa-di-strada-rozzano-pieve/": 3,
            "/eventi/sportello-lavoro-rozzano/": 3,
            "/eventi/italiano-per-donne/": 3,
            "/buone-pratiche/progetto-personalizzato-scritto-insieme/": 2,
            "/buone-pratiche/mentori-volontari-per-il-lavoro/": 2,
            "/buone-pratiche/formazione-congiunta-operatori-visconteo/": 2,
            "/materiali/comunita-accogliente-eventi-di-quartiere/": 1,
        },
    ),
    JudgedQuery(
        "Paullo",
        "places",
        {
            "/buone-pratiche/servizio-sociale-di-prossimita-paullo/": 3,
            "/buone-pratiche/italiano-per-il-lavoro-paullo/": 3,
            "/buone-pratiche/festa-delle-associazioni-paullo/": 3,
            "/buone-pratiche/gruppo-di-parola-genitori/": 3,
            "/eventi/caffe-delle-donne/": 3,
            "/eventi/risultati-ciao/": 3,
            "/chi-siamo/": 1,
        },
    ),
    JudgedQuery("Melegnano", "places", MELEGNANO),
    JudgedQuery(
        "Corsico",
        "places",
        {
            "/buone-pratiche/spazio-donne-corsico/": 3,
            "/eventi/cucina-dal-mondo/": 3,
            "/buone-pratiche/albo-enti-accreditati-corsichese/": 2,
            "/buone-pratiche/coworking-per-mamme/": 2,
        },
    ),
    JudgedQuery(
        "Corsichese",
        "places",
        {
            "/buone-pratiche/albo-enti-accreditati-corsichese/": 3,
            "/buone-pratiche/spazio-donne-corsico/": 2,
            "/buone-pratiche/coworking-per-mamme/": 2,
            "/buone-pratiche/patente-e-mobilita/": 2,
            "/buone-pratiche/tirocini-logistica-assago/": 2,
            "/buone-pratiche/orti-condivisi-buccinasco-cusago/": 2,
            "/eventi/cucina-dal-mondo/": 1,
            "/eventi/informatica-di-base-presentazione/": 1,
            "/eventi/cinema-e-inclusione/": 1,
            "/eventi/conciliare-lavoro-famiglia/": 1,
            "/eventi/fotografia-giovani/": 1,
            "/eventi/sartoria-sociale/": 1,
            "/materiali/patto-di-inclusione/": 1,
            "/chi-siamo/": 1,
        },
    ),
    JudgedQuery(
        "Visconteo",
        "places",
        {
            "/buone-pratiche/formazione-congiunta-operatori-visconteo/": 3,
            "/buone-pratiche/educativa-di-strada-rozzano-pieve/": 2,
            "/buone-pratiche/sportello-lavoro-itinerante/": 2,
            "/buone-pratiche/progetto-personalizzato-scritto-insieme/": 2,
            "/buone-pratiche/laboratorio-di-sartoria-sociale/": 2,
            "/buone-pratiche/giovani-in-bottega/": 2,
            "/buone-pratiche/mentori-volontari-per-il-lavoro/": 2,
            "/eventi/sportello-lavoro-rozzano/": 1,
            "/eventi/festa-associazioni-opera/": 1,
            "/eventi/colloqui-di-lavoro/": 1,
            "/eventi/sportello-famiglie-pieve/": 1,
            "/eventi/educazione-finanziaria/": 1,
            "/eventi/concerto-associazioni-locate/": 1,
            "/eventi/passeggiata-naviglio/": 1,
            "/eventi/teatro-raccontarsi/": 1,
            "/eventi/torneo-calcetto/": 1,
            "/eventi/primo-soccorso-famiglie/": 1,
            "/eventi/cena-multiculturale/": 1,
            "/eventi/italiano-per-donne/": 1,
            "/materiali/diario-di-stage/": 1,
            "/chi-siamo/": 1,
        },
    ),
    JudgedQuery(
        "San Giuliano Milanese",
        "places",
        {
            "/eventi/imprese-del-territorio/": 3,
            "/eventi/rete-antiviolenza-incontro/": 3,
            "/buone-pratiche/antenne-di-quartiere/": 2,
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 2,
            "/buone-pratiche/bilancio-di-competenze-per-donne/": 2,
            "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 2,
            "/buone-pratiche/autonomia-dopo-la-violenza/": 2,
            "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/": 2,
        },
    ),
    JudgedQuery(
        "Assago",
        "places",
        {
            "/buone-pratiche/tirocini-logistica-assago/": 3,
            "/eventi/conciliare-lavoro-famiglia/": 3,
            "/buone-pratiche/albo-enti-accreditati-corsichese/": 2,
        },
    ),
    JudgedQuery(
        "Buccinasco",
        "places",
        {
            "/buone-pratiche/orti-condivisi-buccinasco-cusago/": 3,
            "/eventi/informatica-di-base-presentazione/": 3,
            "/buone-pratiche/coworking-per-mamme/": 2,
            "/buone-pratiche/tirocini-logistica-assago/": 2,
            "/buone-pratiche/albo-enti-accreditati-corsichese/": 2,
        },
    ),
    JudgedQuery(
        "Sud Est Milano",
        "places",
        {
            "/eventi/job-day-sud-est/": 3,
            "/chi-siamo/": 2,
            "/buone-pratiche/antenne-di-quartiere/": 2,
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 2,
            "/buone-pratiche/bilancio-di-competenze-per-donne/": 2,
            "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 2,
            "/buone-pratiche/autonomia-dopo-la-violenza/": 2,
            "/buone-pratiche/cene-di-quartiere-a-melegnano/": 2,
            "/buone-pratiche/laboratorio-digitale/": 2,
            "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/": 2,
            "/buone-pratiche/servizio-sociale-di-prossimita-paullo/": 1,
            "/eventi/bilancio-di-competenze/": 1,
            "/eventi/orientamento-tirocini/": 1,
            "/eventi/imprese-del-territorio/": 1,
            "/eventi/visita-cooperativa/": 1,
            "/eventi/curriculum-san-zenone/": 1,
            "/eventi/colazione-benvenuto-dresano/": 1,
            "/eventi/mercatino-solidale/": 1,
            "/eventi/open-day-corsi/": 1,
            "/eventi/rete-antiviolenza-incontro/": 1,
            "/eventi/orto-urbano/": 1,
            "/eventi/sportello-orientamento-melegnano/": 1,
            "/materiali/modello-progetto-personalizzato/": 1,
        },
    ),
    JudgedQuery(
        "Pieve Emanuele",
        "places",
        {
            "/buone-pratiche/educativa-di-strada-rozzano-pieve/": 3,
            "/eventi/sportello-famiglie-pieve/": 3,
            "/buone-pratiche/laboratorio-di-sartoria-sociale/": 2,
        },
    ),
    JudgedQuery(
        "Binasco",
        "places",
        {
            "/eventi/colloqui-di-lavoro/": 3,
            "/buone-pratiche/sportello-lavoro-itinerante/": 2,
            "/buone-pratiche/giovani-in-bottega/": 2,
            "/buone-pratiche/formazione-congiunta-operatori-visconteo/": 2,
        },
    ),
    # stems: words a crude stemmer joins though they differ (comunità / comuni, casa / casi,
    # attività / attivazione), and inflections it must join (mamma / mamme, impresa / imprese,
    # festa / feste). Typed by anyone.
    JudgedQuery("comunità", "stems", COMUNITA),
    JudgedQuery(
        "comuni piccoli",
        "stems",
        {
            "/buone-pratiche/sportello-lavoro-itinerante/": 3,
            "/buone-pratiche/orti-condivisi-buccinasco-cusago/": 2,
            "/buone-pratiche/antenne-di-quartiere/": 1,
            "/buone-pratiche/albo-enti-accreditati-corsichese/": 1,
            "/buone-pratiche/servizio-sociale-di-prossimita-paullo/": 1,
        },
    ),
    # A home: the one practice that finds housing.
    JudgedQuery("casa", "stems", {"/buone-pratiche/autonomia-dopo-la-violenza/": 3}),
    # An operatore looking for case studies; the reserved collection is for logged-in users only.
    JudgedQuery(
        "casi di studio",
        "stems",
        {
            "/buone-pratiche/formazione-congiunta-operatori-visconteo/": 2,
            "/materiali/emersione-bisogni-slide-corso/": 2,
            "/buone-pratiche/equipe-multiprofessionale-di-accoglienza/": 1,
        },
    ),
    JudgedQuery("attività di gruppo", "stems", ATTIVITA_DI_GRUPPO),
    JudgedQuery(
        "patto di attivazione",
        "stems",
        {
            "/buone-pratiche/progetto-personalizzato-scritto-insieme/": 3,
            "/materiali/patto-di-inclusione/": 2,
            "/materiali/modello-progetto-personalizzato/": 2,
            "/modello-di-intervento/": 1,
        },
    ),
    JudgedQuery("mamma", "stems", MAMME),
    JudgedQuery(
        "impresa",
        "stems",
        {
            "/buone-pratiche/colazioni-di-lavoro-con-le-imprese/": 3,
            "/materiali/imprese-inclusive-incontro-aziende/": 3,
            "/eventi/imprese-del-territorio/": 3,
            "/eventi/webinar-tirocini-imprese/": 3,
            "/buone-pratiche/tirocini-di-inclusione-nelle-imprese/": 2,
            "/buone-pratiche/tirocini-logistica-assago/": 2,
            "/buone-pratiche/giovani-in-bottega/": 2,
            "/eventi/job-day-sud-est/": 2,
            "/dossier/dal-tirocinio-al-lavoro/": 1,
            "/buone-pratiche/mentori-volontari-per-il-lavoro/": 1,
        },
    ),
    JudgedQuery(
        "festa",
        "stems",
        {
            "/buone-pratiche/festa-delle-associazioni-paullo/": 3,
            "/eventi/festa-associazioni-opera/": 3,
            "/buone-pratiche/orti-condivisi-buccinasco-cusago/": 2,
            "/materiali/comunita-accogliente-eventi-di-quartiere/": 2,
            "/eventi/mercatino-solidale/": 2,
            "/buone-pratiche/cene-di-quartiere-a-melegnano/": 1,
            "/dossier/comunita-che-accoglie/": 1,
        },
    ),
]
