"""Italian texts of the demo site, in plain language, from the programme description."""


def h2(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def p(*paragraphs):
    return {"type": "paragraph", "value": "".join(f"<p>{x}</p>" for x in paragraphs)}


def ul(*items):
    return {"type": "paragraph", "value": "<ul>" + "".join(f"<li>{x}</li>" for x in items) + "</ul>"}


HOME = {
    "title": "CIAO! Comunità di pratica",
    "seo_title": "CIAO! Comunità di pratica – inclusione sociale nel Sud Est Milano",
    "hero_title": "Impariamo gli uni dagli altri",
    "hero_text": (
        "Buone pratiche, materiali formativi ed eventi di comunità degli ambiti del Sud Est "
        "Milano, del Visconteo, del Corsichese e di Paullo."
    ),
    "intro": (
        "<p>CIAO! – Capacitazione, Inclusione, Attivazione e Occupazione – accompagna donne e "
        "giovani in situazione di fragilità verso l'autonomia e il lavoro. Qui operatori, "
        "formatori e cittadini condividono ciò che funziona, perché possa essere ripreso "
        "anche in altri territori.</p>"
    ),
    "search_description": (
        "La piattaforma della comunità di pratica di CIAO!: buone pratiche, materiali "
        "formativi ed eventi per l'inclusione sociale nel Sud Est Milano."
    ),
}

STANDARD_PAGES = [
    {
        "slug": "chi-siamo",
        "title": "Chi siamo",
        "in_menu": True,
        "intro": (
            "CIAO! è un progetto di intervento territoriale integrato guidato da A.S.S.E.MI., "
            "l'Azienda Sociale Sud Est Milano, con gli ambiti del Visconteo Sud Milano e del "
            "Corsichese e con il Comune di Paullo."
        ),
        "body": [
            h2("Perché esiste CIAO!"),
            p(
                "Nei nostri territori ci sono donne e giovani che vivono un momento difficile: "
                "poco lavoro, poche relazioni, pochi soldi. Spesso non hanno i requisiti per "
                "accedere alle misure contro la povertà già attive.",
                "CIAO! nasce per incontrare queste persone, ascoltarle e costruire con loro un "
                "percorso personalizzato verso l'autonomia e il lavoro.",
            ),
            h2("Che cosa vogliamo ottenere"),
            ul(
                "una rete territoriale tra enti pubblici e privato sociale;",
                "percorsi che valorizzano i talenti e sviluppano competenze;",
                "una comunità che accoglie e si attiva;",
                "scambi tra ambiti diversi, in una comunità di pratica sull'inclusione sociale;",
                "un modello di intervento che si può portare in altri territori.",
            ),
            h2("A chi ci rivolgiamo"),
            p(
                "Alle famiglie con persone in età lavorativa che non hanno un lavoro e vivono "
                "una situazione di vulnerabilità o disagio sociale, in particolare donne e giovani."
            ),
            h2("Il partenariato"),
            p(
                "Fanno parte della rete 7 enti pubblici e 13 organizzazioni del terzo settore. "
                "Sostengono il progetto anche le reti antiviolenza del Distretto Sociale Sud Est "
                "Milano e del Distretto del Visconteo."
            ),
        ],
    },
    {
        "slug": "governance",
        "parent": "chi-siamo",
        "title": "Governance",
        "intro": "Come si prendono le decisioni in CIAO! e chi coordina le attività.",
        "body": [
            h2("Cabina di regia"),
            p(
                "È il luogo della gestione strategica. Ne fanno parte A.S.S.E.MI., ente capofila, "
                "e i referenti di tutti i partner."
            ),
            h2("Gruppo di coordinamento operativo"),
            p("Coordina i diversi livelli di attività e definisce il piano di realizzazione delle azioni."),
            h2("Comunità di pratica per azione"),
            p(
                "Tiene insieme le organizzazioni e gli enti che realizzano le attività, per "
                "scambiare esperienze e strumenti tra territori. Questo sito è il suo spazio "
                "di lavoro comune."
            ),
            p(
                "La cabina di regia e il gruppo di coordinamento restano in contatto costante "
                "con Città Metropolitana di Milano."
            ),
        ],
    },
    {
        "slug": "accessibilita",
        "title": "Dichiarazione di accessibilità",
        "intro": (
            "Ci impegniamo a rendere questo sito accessibile a tutte le persone, secondo la "
            "Legge 4/2004 e le linee guida AgID."
        ),
        "body": [
            h2("Stato di conformità"),
            p(
                "Il sito è progettato per essere conforme ai requisiti WCAG 2.1 livello AA. "
                "Ogni tipo di pagina viene verificato con strumenti automatici e a mano, "
                "anche con la sola tastiera."
            ),
            h2("Segnalazioni"),
            p(
                "Se trovi un contenuto che non riesci a usare, scrivici all'indirizzo indicato "
                "nei contatti in fondo alla pagina: ti risponderemo entro 30 giorni."
            ),
        ],
    },
    {
        "slug": "privacy",
        "title": "Informativa privacy",
        "intro": "Come trattiamo i dati personali di chi usa questo sito.",
        "body": [
            h2("Quali dati raccogliamo"),
            p(
                "Il sito non usa cookie di profilazione. Se proponi un evento, conserviamo il "
                "nome e l'indirizzo e-mail che ci dai, solo per contattarti a proposito della "
                "proposta. Le ricerche fatte nel sito sono registrate senza dati personali."
            ),
            h2("I tuoi diritti"),
            p(
                "Puoi chiedere in ogni momento di vedere, correggere o cancellare i tuoi dati "
                "scrivendo all'indirizzo dei contatti."
            ),
        ],
    },
]


DOSSIERS = [
    {
        "slug": "dal-tirocinio-al-lavoro",
        "title": "Dal tirocinio al lavoro",
        "theme": "Occupazione",
        "summary": "Come i tirocini di inclusione diventano un lavoro: esperienze, strumenti e appuntamenti.",
        "title_pattern": r"(tirocin|stage|impres|lavoro)",
        "group": "Pratiche, materiali ed eventi",
        "commentary": (
            "<p>Il tirocinio è spesso il primo passo verso un lavoro vero. Funziona quando "
            "la persona, il tutor e l'azienda si preparano insieme e restano in contatto.</p>"
            "<p>Qui trovi le esperienze degli ambiti e gli strumenti per ripeterle.</p>"
        ),
    },
    {
        "slug": "comunita-che-accoglie",
        "title": "Una comunità che accoglie",
        "theme": "Attivazione",
        "summary": "Eventi, volontariato e reti di vicinato: quando il territorio diventa parte del percorso.",
        "title_pattern": r"(comunit|volontar|quartiere|festa|rete)",
        "group": "Da leggere e da fare",
        "commentary": (
            "<p>L'inclusione non si fa solo negli uffici. Associazioni, vicini di casa e "
            "negozi possono offrire occasioni di incontro e di fiducia.</p>"
        ),
    },
]
