"""The demo materials: what CIAO!'s trainers could share, phase by phase of the path.

Titles carry the keywords by which the intervention model links materials to
its phases (scouting, accoglienza, progetto personalizzato, laboratorio,
tirocinio, curriculum, comunità...). ``practice_keywords`` pick the demo good
practices a material is linked to, most telling first. Names of people are invented.
"""

MATERIALS = [
    # Emersione e scouting
    {
        "slug": "mappatura-risorse-territorio",
        "title": "Mappatura delle risorse del territorio: guida per l'équipe",
        "kind": "guida",
        "audiences": ["operatori"],
        "level": "base",
        "duration": "Mezza giornata di lavoro in équipe",
        "licence": "cc-by-4.0",
        "authors": "Chiara Bassi, Marco Ferri",
        "organisation": "A.S.S.E.MI",
        "themes": ["Inclusione", "Attivazione"],
        "tags": ["mappatura", "lavoro di rete"],
        "revised_on": "2021-03-15",
        "summary": "Come costruire, in équipe, la mappa dei servizi, delle associazioni e dei luoghi dove "
        "incontrare donne e giovani che non arrivano ai servizi sociali.",
        "body": "<p>La guida accompagna l'équipe passo per passo: chi coinvolgere, quali fonti usare, come "
        "tenere aggiornata la mappa nel tempo. Contiene una scheda da compilare per ogni risorsa.</p>",
        "objectives": [
            "Riconoscere i luoghi informali dove si incontrano i destinatari",
            "Costruire e aggiornare una mappa condivisa delle risorse",
        ],
        "files": [
            (
                "pdf",
                "Guida alla mappatura",
                [
                    "La mappatura delle risorse è il primo passo dell'emersione: prima di cercare le persone, "
                    "l'équipe conosce i luoghi che frequentano. Oratori, biblioteche, centri sportivi, "
                    "sportelli dei sindacati e parrocchie sono spesso il primo contatto.",
                    "Per ogni risorsa si annotano: il nome, il referente, gli orari, che cosa offre, chi lo "
                    "frequenta e come contattarlo. La scheda si aggiorna ogni sei mesi.",
                    "Parola chiave del metodo: prossimità. Andare dove sono le persone, non aspettare che "
                    "arrivino allo sportello.",
                ],
            ),
            (
                "docx",
                "Scheda risorsa da compilare",
                [
                    "Scheda risorsa del territorio.",
                    "Nome della risorsa. Referente e contatti. Orari di apertura. Che cosa offre. "
                    "Chi la frequenta. Note dell'operatore.",
                ],
            ),
        ],
        "practice_keywords": ["mappatura", "antenne", "prossimità", "educativa di strada", "scouting"],
    },
    {
        "slug": "scouting-territoriale-scheda-segnalazione",
        "title": "Scouting territoriale: la scheda di segnalazione",
        "kind": "modulistica",
        "audiences": ["operatori", "volontari"],
        "level": "base",
        "duration": "",
        "licence": "cc-by-sa-4.0",
        "authors": "Laura Colombo",
        "organisation": "Coop. Stripes",
        "themes": ["Inclusione"],
        "tags": ["scouting", "segnalazione"],
        "revised_on": "2021-04-02",
        "summary": "Il modulo che volontari, parrocchie e associazioni usano per segnalare all'équipe una "
        "persona che potrebbe partecipare al progetto, con il suo consenso.",
        "body": "<p>Il modulo è breve di proposito: chi segnala non deve raccontare la storia della persona, "
        "solo mettere in contatto. Contiene l'informativa sulla privacy in linguaggio semplice.</p>",
        "objectives": ["Segnalare in modo corretto e rispettoso della privacy"],
        "files": [
            (
                "odt",
                "Scheda di segnalazione",
                [
                    "Scheda di segnalazione per lo scouting territoriale.",
                    "Chi segnala: nome, organizzazione, telefono. Persona segnalata: nome, recapito, "
                    "consenso al contatto raccolto il giorno. Perché pensi che CIAO! possa essere utile.",
                    "Informativa: i dati servono solo per contattare la persona e non sono condivisi con altri.",
                ],
            ),
        ],
        "practice_keywords": ["scouting", "antenne", "educativa di strada", "prossimità"],
    },
    {
        "slug": "emersione-bisogni-slide-corso",
        "title": "Emersione dei bisogni nascosti: le slide del corso",
        "kind": "slide",
        "audiences": ["operatori", "formatori"],
        "level": "intermedio",
        "duration": "2 incontri da 3 ore",
        "licence": "cc-by-nc-4.0",
        "authors": "Paolo Rinaldi",
        "organisation": "Coop. Lotta contro l'Emarginazione",
        "themes": ["Inclusione"],
        "tags": ["emersione", "vulnerabilità"],
        "revised_on": "2022-01-20",
        "summary": "Le slide del corso per operatori sull'emersione: chi sono le persone vulnerabili che non "
        "chiedono aiuto, quali segnali riconoscere, come avvicinarle senza etichettarle.",
        "body": "<p>Il corso alterna teoria e casi reali (resi anonimi) raccolti negli ambiti di CIAO!.</p>",
        "objectives": [
            "Riconoscere i segnali di vulnerabilità sociale, relazionale ed economica",
            "Avviare un primo contatto non stigmatizzante",
        ],
        "files": [
            (
                "pdf",
                "Slide del corso",
                [
                    "Emersione dei bisogni nascosti. Corso per operatrici e operatori.",
                    "Chi non chiede aiuto: donne sole con figli, giovani che non studiano e non lavorano, "
                    "famiglie con un reddito che non basta. Spesso non hanno i requisiti per le misure esistenti.",
                    "Segnali da osservare: assenze ripetute, isolamento, debiti, lavori saltuari. Il linguaggio "
                    "conta: si parla di situazioni, non di persone problematiche.",
                ],
            ),
        ],
        "practice_keywords": ["emersione", "antenne", "educativa di strada", "sportello"],
    },
    # Accoglienza e assessment
    {
        "slug": "primo-colloquio-accoglienza",
        "title": "Il primo colloquio di accoglienza: traccia e consigli",
        "kind": "scheda-attivita",
        "audiences": ["operatori"],
        "level": "base",
        "duration": "1 ora per colloquio",
        "licence": "cc-by-4.0",
        "authors": "Giulia Moretti",
        "organisation": "Coop. Melograno",
        "themes": ["Inclusione", "Capacitazione"],
        "tags": ["accoglienza", "colloquio"],
        "revised_on": "2021-02-10",
        "summary": "Una traccia per il primo colloquio: come accogliere, che cosa chiedere e che cosa no, "
        "come chiudere concordando il passo successivo.",
        "body": "<p>La traccia nasce dall'esperienza dell'équipe di accoglienza di CIAO! ed è pensata per "
        "chi inizia. Va adattata alla persona, non letta.</p>",
        "objectives": [
            "Condurre un primo colloquio accogliente e rispettoso",
            "Raccogliere le informazioni utili senza trasformarlo in un interrogatorio",
        ],
        "files": [
            (
                "docx",
                "Traccia del colloquio",
                [
                    "Traccia del primo colloquio di accoglienza.",
                    "Prima di iniziare: una stanza tranquilla, il telefono spento, il tempo necessario.",
                    "Aprire: presentarsi, spiegare che cos'è CIAO! e che la partecipazione è volontaria.",
                    "Ascoltare: che cosa la persona desidera cambiare. Le domande sul passato possono aspettare.",
                    "Chiudere: riassumere, concordare il prossimo appuntamento, lasciare un recapito diretto.",
                ],
            ),
        ],
        "practice_keywords": ["accoglienza", "colloquio", "équipe"],
    },
    {
        "slug": "bilancio-di-competenze-toolkit",
        "title": "Bilancio di competenze: il toolkit per l'assessment",
        "kind": "toolkit",
        "audiences": ["operatori", "formatori"],
        "level": "intermedio",
        "duration": "3 incontri da 2 ore",
        "licence": "cc-by-sa-4.0",
        "authors": "Roberta Galli, Stefano Conti",
        "organisation": "AFOL",
        "themes": ["Capacitazione", "Occupazione"],
        "tags": ["bilancio di competenze", "assessment", "orientamento"],
        "revised_on": "2022-09-05",
        "summary": "Schede, domande guida ed esercizi per ricostruire con la persona le competenze che ha, "
        "anche quelle imparate fuori dal lavoro: cura della famiglia, volontariato, hobby.",
        "body": "<p>Il toolkit comprende un quaderno per la persona e una guida per chi conduce. Le "
        "competenze emerse confluiscono nel progetto personalizzato.</p>",
        "objectives": [
            "Riconoscere e dare un nome alle competenze informali",
            "Usare gli esiti del bilancio nel progetto personalizzato",
        ],
        "files": [
            (
                "pdf",
                "Guida per chi conduce",
                [
                    "Bilancio di competenze. Guida per chi conduce gli incontri.",
                    "Primo incontro: la linea della vita. La persona racconta le esperienze che ritiene "
                    "importanti; chi conduce aiuta a riconoscere che cosa ha imparato in ciascuna.",
                    "Secondo incontro: dalle esperienze alle competenze. Organizzare una festa è saper "
                    "pianificare; assistere un genitore anziano è saper gestire imprevisti.",
                    "Terzo incontro: il portfolio. Le competenze diventano parole da usare nel curriculum.",
                ],
            ),
            (
                "odt",
                "Quaderno della persona",
                [
                    "Il mio quaderno delle competenze.",
                    "Le esperienze che contano per me. Che cosa ho imparato. Che cosa mi piace fare. "
                    "Che cosa vorrei imparare.",
                ],
            ),
        ],
        "practice_keywords": ["bilancio di competenze", "orientamento", "competenze"],
    },
    # Progetto personalizzato
    {
        "slug": "modello-progetto-personalizzato",
        "title": "Modello di progetto personalizzato",
        "kind": "modulistica",
        "audiences": ["operatori"],
        "level": "base",
        "duration": "",
        "licence": "cc-by-4.0",
        "authors": "Équipe CIAO! Sud Est Milano",
        "organisation": "A.S.S.E.MI",
        "themes": ["Inclusione"],
        "tags": ["progetto personalizzato", "co-progettazione"],
        "revised_on": "2021-06-30",
        "summary": "Il modello con cui l'équipe e la persona scrivono insieme il progetto: obiettivi, "
        "attività, tempi, chi fa che cosa, come si verifica.",
        "body": "<p>Il modello è scritto in prima persona plurale: il progetto è della persona, l'équipe "
        "lo sostiene. Ogni obiettivo ha una data di verifica.</p>",
        "objectives": ["Scrivere un progetto chiaro, verificabile e condiviso"],
        "files": [
            (
                "docx",
                "Modello del progetto",
                [
                    "Progetto personalizzato.",
                    "Che cosa vogliamo raggiungere insieme. Le attività: corsi, laboratori, tirocinio. "
                    "Chi fa che cosa. Quando ci rivediamo per verificare.",
                    "Firme: la persona e l'operatore di riferimento.",
                ],
            ),
            (
                "odt",
                "Modello del progetto",
                [
                    "Progetto personalizzato, versione OpenDocument.",
                    "Obiettivi condivisi, attività, tempi, verifiche.",
                ],
            ),
        ],
        "practice_keywords": ["progetto personalizzato", "équipe"],
    },
    {
        "slug": "patto-di-inclusione",
        "title": "Il patto di inclusione: come scriverlo insieme",
        "kind": "dispensa",
        "audiences": ["operatori", "cittadini"],
        "level": "base",
        "duration": "Lettura di 20 minuti",
        "licence": "cc-by-4.0",
        "authors": "Anna Ricci",
        "organisation": "Ufficio di Piano Ambito Corsichese",
        "themes": ["Inclusione", "Attivazione"],
        "tags": ["patto", "progetto personalizzato", "linguaggio semplice"],
        "revised_on": "2023-03-08",
        "summary": "Una dispensa in linguaggio semplice che spiega alla persona che cos'è il patto, che "
        "cosa si impegna a fare lei e che cosa si impegnano a fare i servizi.",
        "body": "<p>Scritta con un gruppo di partecipanti di CIAO!, che ne hanno rivisto le parole.</p>",
        "objectives": ["Capire il patto prima di firmarlo"],
        "files": [
            (
                "pdf",
                "Il patto spiegato semplice",
                [
                    "Il patto di inclusione, spiegato semplice.",
                    "Il patto è un accordo tra lei e i servizi. Dice che cosa farete insieme nei prossimi mesi.",
                    "Lei si impegna a partecipare alle attività concordate. I servizi si impegnano ad "
                    "accompagnarla, a darle informazioni chiare e a rispettare le sue scelte.",
                    "Il patto si può cambiare: se qualcosa non funziona, ne parlate e lo riscrivete.",
                ],
            ),
        ],
        "practice_keywords": ["patto", "progetto personalizzato"],
    },
    # Capacitazione
    {
        "slug": "laboratorio-cittadinanza-digitale",
        "title": "Laboratorio di cittadinanza digitale",
        "kind": "modulo-formativo",
        "audiences": ["formatori", "cittadini"],
        "level": "base",
        "duration": "6 incontri da 2 ore",
        "licence": "cc-by-4.0",
        "authors": "Davide Marchetti",
        "organisation": "Coop. CESVIP",
        "themes": ["Capacitazione"],
        "tags": ["laboratorio", "digitale", "SPID"],
        "revised_on": "2024-02-12",
        "summary": "Il percorso per imparare a usare SPID, la posta elettronica, il fascicolo sanitario e i "
        "siti per cercare lavoro, con esercizi su computer e smartphone.",
        "body": "<p>Ogni incontro ha un obiettivo pratico: alla fine del laboratorio ognuno ha la sua "
        "identità digitale e sa prenotare una visita online.</p>",
        "objectives": [
            "Attivare e usare SPID",
            "Inviare una candidatura per e-mail con allegato il curriculum",
        ],
        "files": [
            (
                "pdf",
                "Programma e schede degli incontri",
                [
                    "Laboratorio di cittadinanza digitale. Programma.",
                    "Incontro 1: lo smartphone come strumento. Incontro 2: la posta elettronica. Incontro 3: "
                    "SPID e app IO. Incontro 4: il fascicolo sanitario elettronico. Incontro 5: cercare lavoro "
                    "online. Incontro 6: prova finale e attestato.",
                    "Materiale necessario: uno smartphone, un documento d'identità, la tessera sanitaria.",
                ],
            ),
            (
                "docx",
                "Esercizi da stampare",
                [
                    "Esercizi del laboratorio di cittadinanza digitale.",
                    "Scrivi un'e-mail per chiedere informazioni su un corso. Allega un documento. "
                    "Trova sul sito del comune gli orari dell'anagrafe.",
                ],
            ),
        ],
        "practice_keywords": ["digitale", "laboratorio"],
    },
    {
        "slug": "corso-italiano-per-il-lavoro",
        "title": "Corso di italiano per il lavoro: primo modulo",
        "kind": "modulo-formativo",
        "audiences": ["formatori", "cittadini"],
        "level": "base",
        "duration": "10 lezioni da 2 ore",
        "language": "mul",
        "licence": "cc-by-nc-sa-4.0",
        "authors": "Samira Haddad, Elena Fontana",
        "organisation": "Fondazione Somaschi Onlus",
        "themes": ["Capacitazione", "Occupazione"],
        "tags": ["corso", "lingua italiana", "donne"],
        "revised_on": "2022-11-14",
        "summary": "Le lezioni di italiano orientate al lavoro: presentarsi, capire un annuncio, parlare al "
        "telefono. Con glossari in arabo, inglese e francese.",
        "body": "<p>Pensato per donne con figli piccoli: le lezioni si tengono al mattino, con uno spazio "
        "per i bambini.</p>",
        "objectives": [
            "Presentarsi e descrivere le proprie esperienze",
            "Capire un annuncio di lavoro",
        ],
        "files": [
            (
                "odt",
                "Lezioni del primo modulo",
                [
                    "Corso di italiano per il lavoro. Primo modulo.",
                    "Lezione 1: mi presento. Lezione 2: i mestieri. Lezione 3: leggere un annuncio. "
                    "Lezione 4: al telefono con un datore di lavoro. Lezione 5: i giorni e gli orari.",
                    "Glossario: lavoro, orario, contratto, colloquio, turno, stipendio.",
                ],
            ),
        ],
        "practice_keywords": ["italiano", "corso", "spazio donne"],
    },
    {
        "slug": "competenze-trasversali-attivita-di-gruppo",
        "title": "Competenze trasversali: schede di attività di gruppo",
        "kind": "scheda-attivita",
        "audiences": ["formatori"],
        "level": "intermedio",
        "duration": "90 minuti per attività",
        "licence": "cc-by-4.0",
        "authors": "Francesca Villa",
        "organisation": "Associazione Piano C",
        "themes": ["Capacitazione"],
        "tags": ["competenze", "gruppo", "soft skills"],
        "revised_on": "2025-05-19",
        "summary": "Dieci attività per i gruppi di capacitazione: comunicare, lavorare in squadra, "
        "organizzare il tempo, gestire un conflitto. Ognuna con obiettivi, materiali e debriefing.",
        "body": "<p>Le attività sono state provate nei gruppi di CIAO! e rivedute con chi vi ha partecipato.</p>",
        "objectives": ["Condurre attività di gruppo sulle competenze trasversali"],
        "files": [
            (
                "pdf",
                "Dieci schede di attività",
                [
                    "Competenze trasversali. Schede di attività di gruppo.",
                    "Attività 1, la torre di carta: in squadre, costruire la torre più alta con venti fogli. "
                    "Il debriefing guarda a come il gruppo ha deciso, non all'altezza.",
                    "Attività 2, l'agenda della settimana: organizzare impegni familiari, corso e colloqui.",
                    "Attività 3, il conflitto in scena: un gioco di ruolo su un disaccordo al lavoro.",
                ],
            ),
        ],
        "practice_keywords": ["gruppo", "laboratorio", "competenze"],
    },
    # Tirocini e stage
    {
        "slug": "tirocini-inclusione-vademecum",
        "title": "Tirocini di inclusione: vademecum per chi accompagna",
        "kind": "guida",
        "audiences": ["operatori"],
        "level": "intermedio",
        "duration": "",
        "licence": "cc-by-4.0",
        "authors": "Giorgio Pellegrini",
        "organisation": "Consorzio Mestieri Lombardia",
        "themes": ["Occupazione", "Inclusione"],
        "tags": ["tirocini", "tutor"],
        "revised_on": "2023-10-01",
        "summary": "Che cosa fare prima, durante e dopo un tirocinio di inclusione: la convenzione, il "
        "progetto formativo, le visite del tutor, la valutazione finale.",
        "body": "<p>Il vademecum riassume la normativa regionale in parole semplici e propone una lista "
        "di controllo per ogni fase.</p>",
        "objectives": [
            "Attivare un tirocinio di inclusione nel rispetto delle regole",
            "Seguire il tirocinante e l'ente ospitante",
        ],
        "files": [
            (
                "pdf",
                "Vademecum",
                [
                    "Tirocini di inclusione. Vademecum per chi accompagna.",
                    "Prima: scegliere l'ente ospitante insieme alla persona, firmare la convenzione e il "
                    "progetto formativo individuale.",
                    "Durante: visite del tutor almeno una volta al mese, un diario condiviso, un referente in "
                    "azienda sempre raggiungibile.",
                    "Dopo: la valutazione finale e l'attestazione delle competenze acquisite.",
                ],
            ),
            (
                "docx",
                "Lista di controllo",
                [
                    "Lista di controllo del tirocinio.",
                    "Convenzione firmata. Progetto formativo firmato. Assicurazione attivata. "
                    "Calendario delle visite. Valutazione intermedia. Valutazione finale.",
                ],
            ),
        ],
        "practice_keywords": ["tirocini", "tirocinio", "stage"],
    },
    {
        "slug": "diario-di-stage",
        "title": "Il diario di stage del tirocinante",
        "kind": "modulistica",
        "audiences": ["cittadini", "operatori"],
        "level": "base",
        "duration": "",
        "licence": "cc0-1.0",
        "authors": "Équipe CIAO! Visconteo",
        "organisation": "Ufficio di Piano Ambito Visconteo Sud Milano",
        "themes": ["Occupazione"],
        "tags": ["stage", "tirocinio"],
        "revised_on": "2021-09-13",
        "summary": "Un quaderno settimanale in cui chi fa lo stage annota che cosa ha fatto, che cosa ha "
        "imparato e che cosa vuole chiedere al tutor.",
        "body": "<p>Il diario è uno strumento della persona: lo porta alle visite del tutor e lo usa alla "
        "fine per raccontare l'esperienza nei colloqui.</p>",
        "objectives": ["Riflettere sull'esperienza di stage settimana per settimana"],
        "files": [
            (
                "odt",
                "Diario di stage",
                [
                    "Il mio diario di stage.",
                    "Questa settimana ho fatto. Ho imparato. Mi è piaciuto. È stato difficile. "
                    "Voglio chiedere al tutor.",
                ],
            ),
            (
                "pdf",
                "Diario di stage da stampare",
                [
                    "Il mio diario di stage, versione da stampare.",
                    "Una pagina per ogni settimana di tirocinio.",
                ],
            ),
        ],
        "practice_keywords": ["stage", "tirocini"],
    },
    # Occupazione
    {
        "slug": "scrivere-il-curriculum",
        "title": "Scrivere il curriculum: esercitazione pratica",
        "kind": "scheda-attivita",
        "audiences": ["formatori", "cittadini"],
        "level": "base",
        "duration": "2 ore",
        "licence": "cc-by-4.0",
        "authors": "Martina Greco",
        "organisation": "Coop. Sociale Officina Lavoro Onlus",
        "themes": ["Occupazione", "Capacitazione"],
        "tags": ["curriculum", "ricerca del lavoro"],
        "revised_on": "2024-06-03",
        "summary": "Un'esercitazione per scrivere il proprio curriculum partendo dalle competenze emerse nel "
        "bilancio, con un modello semplice e gli errori da evitare.",
        "body": "<p>Il modello è su una pagina: chi legge un curriculum gli dedica pochi secondi.</p>",
        "objectives": ["Scrivere un curriculum di una pagina, chiaro e sincero"],
        "files": [
            (
                "docx",
                "Modello di curriculum",
                [
                    "Modello di curriculum in una pagina.",
                    "Dati di contatto. Chi sono in due righe. Esperienze, dalla più recente. "
                    "Competenze, anche quelle imparate fuori dal lavoro. Lingue. Patente.",
                ],
            ),
            (
                "pdf",
                "Gli errori da evitare",
                [
                    "Curriculum: gli errori da evitare.",
                    "Troppe pagine. Una fotografia non adatta. Un indirizzo e-mail poco serio. Buchi non "
                    "spiegati: un periodo di cura della famiglia è un'esperienza, si può scrivere.",
                ],
            ),
        ],
        "practice_keywords": ["curriculum", "mentori", "ricerca del lavoro"],
    },
    {
        "slug": "prepararsi-al-colloquio-di-lavoro",
        "title": "Prepararsi al colloquio di lavoro: video e scheda",
        "kind": "video",
        "audiences": ["cittadini"],
        "level": "base",
        "duration": "15 minuti di video, 1 ora di esercitazione",
        "licence": "cc-by-nd-4.0",
        "authors": "Luca Sartori",
        "organisation": "La Strada",
        "themes": ["Occupazione"],
        "tags": ["colloquio di lavoro", "video"],
        "revised_on": "2025-02-24",
        "summary": "Una simulazione filmata di colloquio di lavoro, con la scheda per esercitarsi in "
        "coppia: le domande più frequenti e come rispondere.",
        "body": "<p>Il video mostra due colloqui per lo stesso posto: uno preparato e uno no. La scheda "
        "guida la discussione.</p>",
        "objectives": ["Affrontare un colloquio di lavoro con più sicurezza"],
        "files": [
            (
                "pdf",
                "Scheda per esercitarsi",
                [
                    "Prepararsi al colloquio di lavoro. Scheda per esercitarsi in coppia.",
                    "Domande frequenti: mi parli di lei; perché vuole questo lavoro; quali sono i suoi punti "
                    "di forza; è disponibile a lavorare su turni.",
                    "Prima del colloquio: informarsi sull'azienda, preparare il percorso, arrivare dieci minuti prima.",
                ],
            ),
        ],
        "links": [
            ("Video: due colloqui a confronto (dimostrativo)", "https://video.example.org/ciao/colloquio-di-lavoro"),
        ],
        "practice_keywords": ["colloquio di lavoro", "mentori", "colazioni di lavoro", "ricerca"],
    },
    {
        "slug": "imprese-inclusive-incontro-aziende",
        "title": "Imprese inclusive: slide per l'incontro con le aziende",
        "kind": "slide",
        "audiences": ["operatori"],
        "level": "avanzato",
        "duration": "1 ora",
        "licence": "cc-by-4.0",
        "authors": "Alessandro Bruno",
        "organisation": "Consorzio SIR",
        "themes": ["Occupazione", "Attivazione"],
        "tags": ["imprese", "responsabilità sociale"],
        "revised_on": "2023-05-29",
        "summary": "Le slide per presentare CIAO! alle imprese del territorio: perché accogliere un "
        "tirocinante, quali agevolazioni esistono, come funziona l'accompagnamento.",
        "body": "<p>Pensate per incontri brevi con imprenditori e responsabili del personale.</p>",
        "objectives": ["Coinvolgere le imprese del territorio nei percorsi di inclusione"],
        "files": [
            (
                "pdf",
                "Slide per le imprese",
                [
                    "Imprese inclusive. Un incontro con le aziende del territorio.",
                    "Perché accogliere: persone motivate, accompagnate da un tutor, e un'impresa più legata "
                    "alla sua comunità.",
                    "Come funziona: un primo incontro, la scelta della persona insieme, un tirocinio con "
                    "visite regolari del tutor, e poi, se va bene, l'assunzione.",
                ],
            ),
        ],
        "practice_keywords": ["imprese", "colazioni", "aziende"],
    },
    # Attivazione della comunità
    {
        "slug": "comunita-accogliente-eventi-di-quartiere",
        "title": "Comunità accogliente: toolkit per eventi di quartiere",
        "kind": "toolkit",
        "audiences": ["volontari", "cittadini", "operatori"],
        "level": "base",
        "duration": "",
        "licence": "cc-by-4.0",
        "authors": "Sara Lombardi, Gruppo volontari Rozzano",
        "organisation": "A&I SCS Onlus",
        "themes": ["Attivazione"],
        "tags": ["comunità", "eventi", "volontariato"],
        "revised_on": "2026-04-15",
        "summary": "Come organizzare una festa di cortile, una cena condivisa o un mercatino dello scambio "
        "che facciano incontrare vicini di casa, servizi e associazioni.",
        "body": "<p>Il toolkit raccoglie le esperienze di due anni di eventi nei quartieri di CIAO!.</p>",
        "objectives": ["Organizzare un evento che crei legami nel quartiere"],
        "files": [
            (
                "docx",
                "Toolkit per gli eventi",
                [
                    "Comunità accogliente. Toolkit per eventi di quartiere.",
                    "Un mese prima: trovare il luogo, coinvolgere almeno due associazioni, chiedere il permesso "
                    "al comune. Una settimana prima: volantini nei negozi e nei portoni.",
                    "Il giorno dell'evento: un tavolo di accoglienza, giochi per bambini, qualcuno che "
                    "presenta i servizi in modo informale.",
                ],
            ),
            (
                "odt",
                "Volantino modificabile",
                [
                    "Festa di cortile. Porta qualcosa da mangiare e una sedia. Ti aspettiamo!",
                ],
            ),
        ],
        "practice_keywords": ["quartiere", "festa", "orti", "comunità"],
    },
    {
        "slug": "volontariato-di-competenza-guida",
        "title": "Volontariato di competenza: guida per le associazioni",
        "kind": "guida",
        "audiences": ["volontari", "operatori"],
        "level": "intermedio",
        "duration": "",
        "licence": "cc-by-sa-4.0",
        "authors": "Enrico Costa",
        "organisation": "Coop. Praticare il Futuro",
        "themes": ["Attivazione", "Capacitazione"],
        "tags": ["volontariato", "mentoring"],
        "revised_on": "2022-06-21",
        "summary": "Come un'associazione può mettere a disposizione volontari con competenze professionali "
        "(un pensionato elettricista, una contabile) come mentori dei partecipanti.",
        "body": "<p>La guida descrive il patto tra associazione, volontario e servizi e le regole di riservatezza.</p>",
        "objectives": ["Avviare un programma di mentoring con volontari esperti"],
        "files": [
            (
                "pdf",
                "Guida per le associazioni",
                [
                    "Volontariato di competenza. Guida per le associazioni.",
                    "Il mentore non è un operatore: condivide un mestiere, dà consigli, apre contatti.",
                    "Regole: incontri in luoghi pubblici, riservatezza, un referente dell'équipe da chiamare "
                    "in caso di dubbi.",
                ],
            ),
        ],
        "practice_keywords": ["volontari", "associazioni", "volontariato"],
    },
    # Trasversale
    {
        "slug": "valutare-i-percorsi-indicatori",
        "title": "Valutare i percorsi: indicatori di monitoraggio",
        "kind": "dispensa",
        "audiences": ["operatori", "formatori"],
        "level": "avanzato",
        "duration": "",
        "licence": "cc-by-4.0",
        "authors": "Valentina Serra",
        "organisation": "Città Metropolitana di Milano",
        "themes": ["Inclusione", "Occupazione"],
        "tags": ["valutazione", "indicatori", "monitoraggio"],
        "revised_on": "2026-09-30",
        "summary": "Gli indicatori con cui CIAO! ha misurato i risultati: persone intercettate, percorsi "
        "conclusi, competenze acquisite, occupati a sei mesi. Come raccoglierli senza appesantire il lavoro.",
        "body": "<p>La dispensa propone un foglio di raccolta comune agli ambiti, perché i dati siano "
        "confrontabili.</p>",
        "objectives": ["Raccogliere dati confrontabili tra ambiti diversi"],
        "files": [
            (
                "odt",
                "Dispensa sugli indicatori",
                [
                    "Valutare i percorsi. Indicatori di monitoraggio.",
                    "Indicatori di processo: persone intercettate, colloqui svolti, progetti personalizzati "
                    "firmati. Indicatori di risultato: percorsi conclusi, tirocini avviati, occupati a sei mesi.",
                    "Uno strumento semplice: un foglio condiviso aggiornato ogni mese dall'équipe.",
                ],
            ),
        ],
        "practice_keywords": ["formazione congiunta", "albo", "accreditati", "valutazione", "monitoraggio"],
    },
]

# Only logged-in users see it: it shows how a material is kept private, files included.
PRIVATE_MATERIAL = {
    "slug": "casi-di-studio-riservati",
    "title": "Casi di studio dell'équipe (riservato)",
    "kind": "dispensa",
    "audiences": ["operatori"],
    "level": "avanzato",
    "duration": "",
    "licence": "tutti-i-diritti-riservati",
    "authors": "Équipe CIAO!",
    "organisation": "A.S.S.E.MI",
    "themes": ["Inclusione"],
    "tags": ["supervisione"],
    "revised_on": "2021-12-01",
    "summary": "Casi discussi in supervisione, resi anonimi, per la formazione interna delle équipe.",
    "body": "<p>Materiale per uso interno: non va diffuso fuori dalle équipe.</p>",
    "objectives": [],
    "files": [
        (
            "pdf",
            "Casi di studio",
            [
                "Casi di studio per la supervisione. Documento riservato alle équipe.",
                "Caso 1: una giovane madre sola che rifiuta il primo contatto. Caso 2: un ragazzo che "
                "abbandona il tirocinio dopo due settimane.",
            ],
        ),
    ],
    "practice_keywords": [],
}
