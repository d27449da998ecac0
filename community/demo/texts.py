"""The demo community's words: people's names, and what each working group has on its table."""

FIRST_NAMES = [
    "Giulia",
    "Marco",
    "Chiara",
    "Luca",
    "Francesca",
    "Davide",
    "Sara",
    "Andrea",
    "Elena",
    "Paolo",
    "Valentina",
    "Stefano",
    "Martina",
    "Alessandro",
    "Silvia",
    "Matteo",
    "Laura",
    "Simone",
    "Anna",
    "Roberto",
    "Federica",
    "Giorgio",
    "Irene",
    "Fabio",
    "Alice",
    "Lorenzo",
    "Elisa",
    "Nicola",
    "Serena",
    "Riccardo",
    "Beatrice",
    "Tommaso",
    "Claudia",
    "Emanuele",
    "Paola",
    "Daniele",
    "Monica",
    "Filippo",
    "Cristina",
    "Michele",
]
LAST_NAMES = [
    "Rossi",
    "Colombo",
    "Ferrari",
    "Brambilla",
    "Galli",
    "Fumagalli",
    "Villa",
    "Bianchi",
    "Sala",
    "Mariani",
    "Cattaneo",
    "Longhi",
    "Riva",
    "Bassi",
    "Pozzi",
    "Moretti",
    "Barbieri",
    "Fontana",
    "Conti",
    "Ricci",
]
ROLES = [
    "assistente sociale",
    "educatrice professionale",
    "educatore",
    "orientatrice",
    "psicologa",
    "coordinatrice di servizio",
    "tutor dei tirocini",
    "operatrice di comunità",
    "formatore",
    "referente di progetto",
]
PRESENTATIONS = [
    "Lavoro con donne e giovani che i servizi faticano a intercettare: colloqui di orientamento, "
    "accompagnamento ai servizi, lavoro di rete con le associazioni del territorio.",
    "Seguo i tirocini di inclusione: ricerca delle aziende ospitanti, abbinamento, tutoraggio e "
    "verifica con la persona e con l'impresa.",
    "Conduco laboratori di capacitazione e gruppi sulle competenze trasversali; mi occupo anche della "
    "valutazione degli esiti dei percorsi.",
    "Coordino l'équipe di accoglienza e assessment: bilancio delle risorse, dei talenti e delle "
    "aspirazioni, progetto personalizzato condiviso.",
    "Mi occupo di attivazione della comunità: feste di quartiere, banche del tempo, volontariato "
    "con le persone che partecipano ai percorsi.",
]

# slug of the working group -> what is on its table (one past meeting with minutes, one to come,
# a shared document, a discussion). Actions: (what, who: index into the group's people, days from the
# meeting, done).
GROUP_WORK = {
    "cabina-di-regia": {
        "past": (
            "Cabina di Regia: stato di avanzamento",
            "1. Stato di avanzamento per ambito\n2. Budget e rendicontazione\n3. Raccordo con Città Metropolitana",
            "Presenti i referenti di 14 partner su 20. Gli ambiti hanno presentato i percorsi avviati: 62 persone prese in carico, 18 tirocini attivi.",
            "Si approva la rimodulazione del budget tra le azioni 5 e 7.\nSi chiede a ogni ambito una scheda di sintesi entro fine mese.",
            [
                ("Inviare a Città Metropolitana il verbale approvato", 0, 7, True),
                ("Raccogliere le schede di sintesi degli ambiti", 1, 30, False),
            ],
        ),
        "next": ("Cabina di Regia: verifica intermedia", "1. Esiti del monitoraggio\n2. Proposte di messa a sistema"),
        "document": (
            "Rendicontazione intermedia (bozza)",
            [
                "Sintesi delle attività svolte per azione e per ambito.",
                "Prospetto delle spese sostenute e da sostenere.",
            ],
        ),
        "thread": (
            "Scheda di sintesi per ambito: un modello comune?",
            [
                "Propongo di usare per tutti gli ambiti la stessa scheda: persone intercettate, prese in carico, percorsi avviati, tirocini, esiti.",
                "D'accordo. Aggiungerei una riga sulle reti attivate, che per il Corsichese è il risultato più importante.",
            ],
        ),
    },
    "coordinamento-operativo": {
        "past": (
            "Coordinamento: piano delle attività del trimestre",
            "1. Calendario dei laboratori\n2. Tirocini in partenza\n3. Comunicazione",
            "Il calendario dei laboratori è confermato per Rozzano, San Giuliano e Corsico. Tre tirocini partono a inizio mese.",
            "Si crea un calendario condiviso dei laboratori sul sito.\nLe schede dei tirocini si aggiornano ogni due settimane.",
            [("Pubblicare il calendario dei laboratori", 0, 10, True), ("Aggiornare le schede tirocini", 1, 14, False)],
        ),
        "next": ("Coordinamento: verifica mensile", "1. Avanzamento per azione\n2. Criticità dai territori"),
        "document": (
            "Piano delle attività del trimestre",
            ["Azioni, responsabili e scadenze del trimestre.", "Calendario dei laboratori per ambito."],
        ),
        "thread": (
            "Sale per i laboratori di gennaio",
            [
                "A Rozzano la sala civica è libera il martedì pomeriggio: qualcuno ne ha bisogno?",
                "Sì, per il laboratorio di italiano L2: martedì 14-16 sarebbe perfetto.",
            ],
        ),
    },
    "emersione-e-scouting": {
        "past": (
            "Emersione: come raggiungiamo chi non chiede aiuto",
            "1. Mappa dei luoghi di aggancio\n2. Accordi con le associazioni",
            "Le parrocchie e i centri sportivi sono i luoghi dove si incontrano più giovani NEET. Le associazioni di donne chiedono un referente fisso.",
            "Si individua un referente per ambito per le associazioni di donne.\nSi prova lo sportello mobile al mercato di Melegnano.",
            [
                ("Nominare i referenti per le associazioni", 0, 14, False),
                ("Organizzare lo sportello al mercato", 1, 21, False),
            ],
        ),
        "next": ("Emersione: bilancio dello sportello mobile", "1. Persone incontrate\n2. Invii ai servizi"),
        "document": (
            "Mappa dei luoghi di aggancio",
            ["Luoghi, orari e contatti dove incontrare giovani e donne non raggiunti dai servizi."],
        ),
        "thread": (
            "Sportello al mercato: com'è andata la prima volta?",
            [
                "Prima mattina al mercato di Melegnano: 11 contatti, 4 donne ci hanno lasciato un recapito.",
                "Ottimo! Da noi a Pieve Emanuele funziona meglio davanti alla scuola, all'uscita.",
                "Possiamo fare una scheda comune per registrare i contatti senza dati sensibili?",
            ],
        ),
    },
    "equipe-e-assessment": {
        "past": (
            "Équipe: strumenti di assessment condivisi",
            "1. Scheda di bilancio delle competenze\n2. Consulenze specialistiche",
            "Ogni ambito usa una scheda diversa; si concorda di partire da quella del Visconteo.",
            "Scheda comune di bilancio delle competenze dal prossimo mese.",
            [("Adattare la scheda del Visconteo", 0, 14, True), ("Provare la scheda su cinque colloqui", 1, 30, False)],
        ),
        "next": ("Équipe: prima verifica della scheda comune", "1. Cosa funziona\n2. Cosa cambiare"),
        "document": (
            "Scheda di bilancio delle competenze",
            ["Sezioni: risorse, talenti, aspirazioni, vincoli.", "Istruzioni per il colloquio."],
        ),
        "thread": (
            "Consulenze psicologiche: a chi rivolgersi?",
            [
                "Per due situazioni serve un approfondimento psicologico: quali consulenti abbiamo a disposizione?",
                "ASST Melegnano Martesana ha due psicologhe per il progetto: scrivete al consultorio di Rozzano.",
            ],
        ),
    },
    "laboratori-e-capacitazione": {
        "past": (
            "Laboratori: programma di capacitazione",
            "1. Laboratori attivi\n2. Nuove proposte",
            "Attivi il laboratorio di sartoria, quello di cucina e il corso di italiano L2. Proposta: un laboratorio di competenze digitali.",
            "Si attiva il laboratorio di competenze digitali a Corsico.",
            [
                ("Trovare la sede per il laboratorio digitale", 0, 14, False),
                ("Preparare il programma del laboratorio", 1, 21, True),
            ],
        ),
        "next": ("Laboratori: calendario della primavera", "1. Proposte\n2. Formatori disponibili"),
        "document": (
            "Programma del laboratorio di competenze digitali",
            ["Otto incontri: e-mail, SPID, curriculum online, ricerca del lavoro."],
        ),
        "thread": (
            "Materiali per il curriculum: li condividiamo?",
            [
                "Ho preparato delle schede per scrivere il curriculum con chi ha poca esperienza: le metto tra i materiali?",
                "Sì, e sarebbe utile una versione semplificata per chi sta imparando l'italiano.",
            ],
        ),
    },
    "tirocini-e-lavoro": {
        "past": (
            "Tirocini: aziende ospitanti e abbinamenti",
            "1. Nuove aziende disponibili\n2. Tirocini in scadenza",
            "Quattro nuove aziende disponibili tra San Giuliano e Rozzano. Due tirocini in scadenza diventano contratti.",
            "Si prepara un incontro con le imprese del territorio.\nSi aggiorna l'elenco delle aziende ospitanti.",
            [
                ("Aggiornare l'elenco delle aziende ospitanti", 0, 10, False),
                ("Preparare l'incontro con le imprese", 1, 30, False),
            ],
        ),
        "next": ("Tirocini: incontro con le imprese", "1. Presentazione del progetto\n2. Testimonianze di tirocinanti"),
        "document": ("Elenco delle aziende ospitanti", ["Aziende, settori, referenti e disponibilità per ambito."]),
        "thread": (
            "Tirocini per donne con figli piccoli: orari compatibili",
            [
                "Le tirocinanti con figli piccoli chiedono orari 9-14: quali aziende li accettano?",
                "La cooperativa di Corsico e due negozi a San Giuliano sono disponibili. Ne parliamo all'incontro.",
            ],
        ),
    },
    "attivazione-della-comunita": {
        "past": (
            "Attivazione: eventi di primavera",
            "1. Feste di quartiere\n2. Volontariato",
            "Tre feste di quartiere in programma; le persone dei percorsi vogliono partecipare all'organizzazione.",
            "Ogni festa ha un gruppo organizzatore con almeno due partecipanti dei percorsi.",
            [("Comporre i gruppi organizzatori", 0, 14, False)],
        ),
        "next": ("Attivazione: preparazione delle feste", "1. Compiti\n2. Materiali"),
        "document": ("Idee per la festa di quartiere", ["Laboratori per bambini, mercatino, cena condivisa."]),
        "thread": (
            "Banca del tempo a Opera",
            [
                "A Opera sta nascendo una banca del tempo: può essere un'occasione per chi segue i percorsi?",
            ],
        ),
    },
    "comunicazione-monitoraggio-valutazione": {
        "past": (
            "Monitoraggio: indicatori comuni",
            "1. Indicatori per azione\n2. Raccolta dati",
            "Si concorda un set di indicatori comuni a tutti gli ambiti.",
            "Raccolta dati trimestrale con la stessa scheda.",
            [("Preparare la scheda di raccolta dati", 0, 14, True), ("Raccogliere i dati del trimestre", 1, 45, False)],
        ),
        "next": ("Monitoraggio: lettura dei dati del trimestre", "1. Dati per ambito\n2. Cosa ci dicono"),
        "document": (
            "Indicatori comuni di monitoraggio",
            ["Persone intercettate, prese in carico, percorsi, tirocini, occupati."],
        ),
        "thread": (
            "Come raccontiamo i risultati senza esporre le persone?",
            [
                "Per le storie sul sito servono consenso scritto e nomi di fantasia: vi va un modello di liberatoria comune?",
                "Sì, preparo una bozza con l'ufficio privacy di A.S.S.E.MI.",
            ],
        ),
    },
}
