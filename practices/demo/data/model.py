"""The CIAO! path as the demo intervention model: the seed's activities, phase by phase."""

INTRO = (
    "<p>Il modello di intervento di CIAO! descrive il percorso che una persona in condizione di "
    "vulnerabilità può fare, dal primo contatto con la rete fino al lavoro e alla partecipazione "
    "alla vita della comunità. Ogni fase rimanda alle buone pratiche che la realizzano e ai "
    "materiali per ripeterla. La tabella mostra dove gli ambiti hanno già esperienze e dove mancano.</p>"
)

# (key, title, description, expected outputs, words that find the phase's training materials)
PHASES = [
    (
        "emersione",
        "Emersione e scouting",
        "Intercettare chi non chiede aiuto: una rete di antenne nei quartieri, educatori in strada, "
        "servizi presenti dove le persone passano (mercati, biblioteche, oratori).",
        [
            "Persone fragili intercettate prima che la situazione peggiori",
            "Una mappa dei luoghi e dei punti di contatto del territorio",
        ],
        ["scouting", "emersione", "antenne", "strada"],
    ),
    (
        "accoglienza",
        "Accoglienza e assessment",
        "Un'équipe specializzata accoglie la persona e valuta con lei bisogni, risorse, talenti e "
        "aspirazioni. Quando serve, consulenze specifiche approfondiscono la valutazione.",
        [
            "Una valutazione condivisa dei bisogni e delle risorse",
            "Un solo punto di accesso per sociale, lavoro e salute",
        ],
        ["accoglienza", "assessment", "colloquio", "valutazione"],
    ),
    (
        "progetto",
        "Progetto personalizzato",
        "La persona e l'équipe scrivono insieme un progetto con obiettivi piccoli e verificabili, "
        "impegni reciproci e momenti di verifica. È il metodo della co-progettazione applicato al singolo.",
        ["Un progetto scritto con la persona, con obiettivi verificabili", "Verifiche regolari e progetto aggiornato"],
        ["progetto", "co-progettazione", "patto"],
    ),
    (
        "capacitazione",
        "Capacitazione: corsi e laboratori",
        "Corsi di formazione, laboratori e gruppi di capacitazione valorizzano i talenti e sviluppano "
        "competenze sociali, relazionali e di occupabilità.",
        ["Competenze riconosciute e documentate", "Più fiducia in sé e un obiettivo professionale realistico"],
        ["laboratorio", "competenze", "corso", "bilancio"],
    ),
    (
        "tirocini",
        "Tirocini e stage",
        "La ricerca di aziende e organizzazioni che accolgono; tirocini per l'inclusione sociale e "
        "l'occupazione e stage formativi, con un tutor che segue persona e azienda.",
        ["Esperienze di lavoro vere, accompagnate", "Imprese del territorio disponibili ad accogliere"],
        ["tirocini", "tirocinio", "stage", "tutor"],
    ),
    (
        "occupazione",
        "Occupazione",
        "Il passaggio a un lavoro stabile: incontro con le imprese, sostegno nei primi mesi, "
        "strumenti che tolgono gli ostacoli pratici (mobilità, conciliazione).",
        ["Più persone occupate", "Un tessuto produttivo più capace di includere"],
        ["lavoro", "imprese", "occupazione", "colloquio di lavoro"],
    ),
    (
        "comunita",
        "Attivazione della comunità",
        "Attività ed eventi che coinvolgono cittadini, associazioni e volontari, per tessere un "
        "tessuto sociale accogliente in cui le persone accompagnate hanno un ruolo attivo.",
        ["Una comunità più capace di includere", "Nuovi volontari e nuove occasioni d'incontro"],
        ["comunità", "volontari", "eventi", "quartiere"],
    ),
]
