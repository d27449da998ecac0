from .record import DemoPractice as P

FSE = "Progetto CIAO! – Città Metropolitana di Milano, Fondo Sociale Europeo"

PRACTICES = [
    P(
        slug="albo-enti-accreditati-corsichese",
        title="Albo degli enti accreditati per l'inclusione nel Corsichese",
        ambito="corsichese",
        comuni=["corsico", "buccinasco", "cesano-boscone", "trezzano-sul-naviglio", "assago", "cusago"],
        lead="ufficio-di-piano-ambito-corsichese",
        partners=["coop-sociale-officina-lavoro-onlus", "coop-cesvip", "fondazione-somaschi-onlus"],
        themes=["inclusione", "attivazione"],
        targets=["operatori-dei-servizi"],
        tags=["accreditamento", "rete territoriale", "co-progettazione"],
        period=("2020-09-01", "2021-12-31"),
        phases=["progetto"],
        contact=("Stefano Longo", "accreditamento@example.org", "02 4586 3310"),
        summary=(
            "L'ambito ha creato un albo di enti del terzo settore accreditati per offrire percorsi di "
            "inclusione: laboratori, tutoraggio, tirocini. L'assistente sociale sceglie con la persona "
            "l'ente e il servizio più adatti, con regole e costi uguali per tutti."
        ),
        context=(
            "Ogni comune aveva accordi diversi con enti diversi. Una persona di Corsico e una di Cusago "
            "con lo stesso bisogno ricevevano risposte diverse."
        ),
        objectives=[
            "Regole uguali in tutti i comuni dell'ambito.",
            "Più scelta per la persona tra servizi di qualità verificata.",
        ],
        steps=[
            ("Regolamento", "L'ufficio di piano scrive con gli enti i requisiti e le tariffe."),
            ("Avviso pubblico", "Gli enti presentano domanda; una commissione verifica i requisiti."),
            ("Catalogo dei servizi", "Un catalogo unico, aggiornato ogni anno, elenca servizi, enti e costi."),
            ("Voucher", "Il servizio sociale assegna un voucher che la persona usa presso l'ente scelto."),
        ],
        staff="Ufficio di piano: una responsabile e un amministrativo, 10 ore a settimana.",
        budget=18000,
        funding=FSE,
        results="11 enti accreditati, 24 servizi nel catalogo, 132 voucher assegnati nel primo anno.",
        indicators=[
            ("Enti accreditati", 11, "enti", 2021),
            ("Voucher assegnati", 132, "percorsi", 2021),
        ],
        evidence="Monitoraggio dei voucher; incontro annuale di verifica con gli enti.",
        lessons="Le tariffe vanno riviste ogni anno con gli enti, altrimenti i servizi più costosi spariscono.",
        transfer="Serve un ufficio di piano con competenze amministrative e la volontà politica di tutti i comuni.",
    ),
    P(
        slug="spazio-donne-corsico",
        title="Spazio donne a Corsico: accoglienza e primo orientamento",
        ambito="corsichese",
        comuni=["corsico", "cesano-boscone"],
        lead="fondazione-somaschi-onlus",
        partners=["associazione-piano-c", "ufficio-di-piano-ambito-corsichese"],
        themes=["inclusione"],
        targets=["donne"],
        tags=["équipe di accoglienza", "ascolto", "conciliazione"],
        period=("2020-10-12", None),
        phases=["emersione", "accoglienza"],
        contact=("Valentina Ricci", "spaziodonne@example.org", "02 4586 3320"),
        summary=(
            "Uno spazio aperto tre pomeriggi a settimana dove le donne possono entrare senza appuntamento, "
            "bere un caffè, parlare con un'operatrice e, se vogliono, iniziare un percorso. C'è un angolo "
            "gioco per i bambini."
        ),
        context="Le donne con figli piccoli faticano ad andare agli sportelli con orari rigidi, e molte non si sentono a loro agio negli uffici.",
        objectives=[
            "Offrire un luogo accogliente e informale.",
            "Fare emergere bisogni che non arrivano ai servizi.",
        ],
        steps=[
            ("Accesso libero", "Tre pomeriggi a settimana, senza appuntamento."),
            ("Ascolto", "Un'operatrice ascolta e, se serve, fissa un colloquio."),
            ("Invio", "Con il consenso della donna, l'operatrice la accompagna all'équipe o ad altri servizi."),
        ],
        staff="Due operatrici, 12 ore a settimana ciascuna; volontarie per l'angolo bambini.",
        budget=29000,
        funding=FSE,
        results="178 donne passate dallo spazio; 67 hanno chiesto un colloquio e 44 hanno iniziato un percorso.",
        indicators=[
            ("Donne accolte", 178, "persone", 2021),
            ("Percorsi avviati", 44, "percorsi", 2021),
        ],
        evidence="Registro anonimo degli accessi e dei colloqui.",
        lessons="L'angolo per i bambini ha fatto la differenza: senza, molte non sarebbero venute.",
        transfer="Serve uno spazio al piano terra, in una via di passaggio, con un'area per i bambini.",
    ),
    P(
        slug="coworking-per-mamme",
        title="Co-working con spazio bimbi per mamme in cerca di lavoro",
        ambito="corsichese",
        comuni=["corsico", "buccinasco"],
        lead="associazione-piano-c",
        partners=["ufficio-di-piano-ambito-corsichese"],
        themes=["capacitazione", "occupazione"],
        targets=["donne", "famiglie"],
        tags=["conciliazione", "laboratori", "co-working"],
        period=("2021-02-15", "2022-02-14"),
        phases=["capacitazione", "occupazione"],
        contact=("Federica Mariani", "coworking@example.org", "02 4586 3330"),
        summary=(
            "Mamme disoccupate usano gratis per sei mesi una postazione di co-working mentre i figli "
            "stanno nello spazio bimbi accanto. Oltre alla scrivania, laboratori su curriculum, lavoro "
            "autonomo e conciliazione."
        ),
        context="Per una mamma con figli piccoli cercare lavoro è difficile: non ha tempo, né un posto tranquillo per farlo.",
        objectives=[
            "Dare tempo e spazio per cercare lavoro o avviarne uno.",
            "Creare una rete tra donne nella stessa situazione.",
        ],
        steps=[
            ("Selezione", "Colloquio con l'assistente sociale e con l'associazione."),
            ("Sei mesi di co-working", "Postazione, connessione e spazio bimbi gratuiti, tre giorni a settimana."),
            ("Laboratori", "Un laboratorio a settimana su curriculum, lavoro autonomo, strumenti digitali."),
        ],
        staff="Una coordinatrice e due educatrici per lo spazio bimbi.",
        budget=36000,
        funding=FSE,
        results="20 mamme; 8 hanno trovato un lavoro dipendente e 3 hanno avviato un'attività in proprio.",
        indicators=[
            ("Mamme partecipanti", 20, "persone", 2022),
            ("Ore di laboratorio", 96, "ore", 2022),
            ("Mamme occupate o in proprio", 11, "persone", 2022),
        ],
        evidence="Colloquio finale e telefonata a sei mesi.",
        lessons="La rete tra le mamme è continuata dopo il progetto: è uno dei risultati più preziosi.",
        transfer="Possibile con un co-working che abbia spazio per i bambini, o con un asilo vicino.",
    ),
    P(
        slug="patente-e-mobilita",
        title="Patente e mobilità: togliere un ostacolo al lavoro",
        ambito="corsichese",
        comuni=["trezzano-sul-naviglio", "cesano-boscone", "cusago"],
        lead="coop-sociale-officina-lavoro-onlus",
        partners=["ufficio-di-piano-ambito-corsichese"],
        themes=["occupazione", "inclusione"],
        targets=["giovani", "persone-disoccupate"],
        tags=["mobilità", "patente", "presa in carico"],
        period=("2021-05-03", None),
        phases=["progetto", "occupazione"],
        contact=("Simone Bianchi", "mobilita@example.org", "02 4586 3340"),
        summary=(
            "Molti lavori in zona si raggiungono solo in auto o richiedono la patente. Il progetto paga "
            "parte del corso di guida a chi ha un'offerta di lavoro o di tirocinio e offre lezioni di "
            "teoria in italiano semplice."
        ),
        context="Nelle aree industriali e logistiche dell'ambito i turni iniziano prima degli autobus.",
        objectives=[
            "Togliere l'ostacolo della mobilità per chi ha un lavoro a portata di mano.",
        ],
        steps=[
            ("Verifica", "Il contributo va a chi ha un progetto personalizzato con un obiettivo di lavoro."),
            ("Corso di teoria", "Lezioni di gruppo in italiano semplice, con un'insegnante di autoscuola."),
            ("Guida", "Il progetto paga metà delle guide; la persona il resto, anche a rate."),
        ],
        staff="Un'operatrice, 6 ore a settimana; convenzione con due autoscuole.",
        budget=24000,
        funding=FSE + "; cofinanziamento dei partecipanti",
        results="41 persone iscritte, 33 patenti conseguite, 26 persone al lavoro a sei mesi.",
        indicators=[
            ("Patenti conseguite", 33, "persone", 2022),
            ("Persone occupate a sei mesi", 26, "persone", 2022),
        ],
        evidence="Dati delle autoscuole e verifica a sei mesi.",
        lessons="Il corso di teoria in italiano semplice è servito anche a chi non era straniero.",
        transfer="Serve una convenzione con le autoscuole; il costo per persona è basso rispetto al risultato.",
    ),
    P(
        slug="tirocini-logistica-assago",
        title="Tirocini in rete con le imprese della logistica di Assago",
        ambito="corsichese",
        comuni=["assago", "buccinasco"],
        lead="coop-cesvip",
        partners=["consorzio-mestieri-lombardia", "ufficio-di-piano-ambito-corsichese"],
        themes=["occupazione"],
        targets=["giovani", "persone-disoccupate", "imprese"],
        tags=["tirocini", "rete con le imprese", "logistica"],
        period=("2021-06-07", None),
        phases=["tirocini", "occupazione"],
        contact=("Marco Pellegrini", "logistica@example.org", "02 4586 3350"),
        summary=(
            "Un accordo con cinque aziende della logistica: un breve corso su sicurezza e magazzino, "
            "poi un tirocinio di quattro mesi. Le aziende si impegnano ad assumere chi lo conclude bene."
        ),
        context="Le aziende della logistica cercano personale; molte persone seguite dai servizi cercano lavoro vicino a casa.",
        objectives=[
            "Preparare le persone ai lavori di magazzino richiesti dalle aziende.",
            "Ottenere un impegno all'assunzione prima di iniziare.",
        ],
        steps=[
            ("Accordo con le aziende", "Numero di posti, profili richiesti, impegno ad assumere."),
            ("Corso breve", "40 ore su sicurezza, carrelli elevatori e organizzazione del magazzino."),
            ("Tirocinio", "Quattro mesi in azienda con un tutor."),
        ],
        staff="Un tutor e un formatore CESVIP.",
        budget=47000,
        funding=FSE,
        results="29 tirocini, 24 conclusi, 18 assunzioni a tempo determinato o indeterminato.",
        indicators=[
            ("Tirocini avviati", 29, "tirocini", 2022),
            ("Imprese coinvolte", 5, "imprese", 2022),
            ("Persone assunte", 18, "persone", 2022),
        ],
        evidence="Dati delle assunzioni forniti dalle aziende.",
        lessons="Il corso prima del tirocinio riduce molto gli abbandoni.",
        transfer="Possibile dove un settore ha bisogno di personale: si parte dalle imprese, non dai corsi.",
    ),
    P(
        slug="orti-condivisi-buccinasco-cusago",
        title="Orti condivisi a Buccinasco e Cusago",
        ambito="corsichese",
        comuni=["buccinasco", "cusago"],
        lead="la-strada",
        partners=["ufficio-di-piano-ambito-corsichese"],
        themes=["attivazione", "inclusione"],
        targets=["comunita-locale", "famiglie", "giovani"],
        tags=["eventi di comunità", "volontariato", "orti"],
        period=("2021-04-01", None),
        phases=["comunita", "capacitazione"],
        contact=("Irene Fumagalli", "orti@example.org", "02 4586 3360"),
        summary=(
            "Due orti comunali sono coltivati insieme da famiglie seguite dai servizi, pensionati e "
            "scuole. Si impara a coltivare, si condividono i raccolti e ogni stagione si fa una festa aperta al paese."
        ),
        context="Nei comuni più piccoli dell'ambito mancano luoghi d'incontro tra generazioni e tra chi è in difficoltà e il resto del paese.",
        objectives=[
            "Creare un luogo d'incontro e di lavoro comune.",
            "Dare a chi è escluso un ruolo riconosciuto nella comunità.",
        ],
        steps=[
            ("Assegnazione", "Il comune concede il terreno; le parcelle vanno a gruppi misti."),
            ("Lavoro insieme", "Due mattine a settimana con un agronomo volontario."),
            ("Feste di stagione", "Quattro feste all'anno con i prodotti dell'orto."),
        ],
        staff="Un educatore, 6 ore a settimana; agronomo volontario.",
        budget=7200,
        funding="Piano di zona; Comuni di Buccinasco e Cusago",
        results="52 ortolani, 8 feste con circa 900 presenze in totale.",
        indicators=[
            ("Ortolani coinvolti", 52, "persone", 2022),
            ("Feste di comunità", 8, "eventi", 2022),
            ("Volontari", 14, "volontari", 2022),
        ],
        evidence="Registro delle presenze e incontro di verifica di fine stagione.",
        lessons="I gruppi misti funzionano se ognuno ha un compito preciso.",
        transfer="Serve un terreno pubblico con acqua e un capanno per gli attrezzi.",
    ),
    P(
        slug="servizio-sociale-di-prossimita-paullo",
        title="Servizio sociale di prossimità a Paullo",
        ambito="paullese",
        comuni=["paullo"],
        lead="comune-di-paullo",
        partners=["assemi"],
        themes=["inclusione"],
        targets=["famiglie", "persone-disoccupate"],
        tags=["scouting", "sportello", "servizio sociale"],
        period=("2020-07-16", None),
        phases=["emersione", "accoglienza"],
        contact=("Cristina Marchetti", "prossimita.paullo@example.org", "02 9063 1200"),
        summary=(
            "A.S.S.E.MI. gestisce per il Comune di Paullo il servizio sociale. Un'assistente sociale è "
            "presente due mattine a settimana al mercato e in biblioteca, per incontrare le famiglie "
            "fuori dall'ufficio e portarle ai percorsi di CIAO!."
        ),
        context="Paullo fa parte di un altro ambito, ma il suo servizio sociale è gestito da A.S.S.E.MI.: serviva un ponte con i percorsi del Sud Est Milano.",
        objectives=[
            "Rendere il servizio sociale visibile e vicino.",
            "Far accedere le famiglie di Paullo ai percorsi di CIAO!.",
        ],
        steps=[
            ("Presenza al mercato", "Un banchetto informativo il martedì mattina."),
            ("Presenza in biblioteca", "Il giovedì mattina, colloqui brevi senza appuntamento."),
            ("Invio ai percorsi", "Le persone interessate passano all'équipe di accoglienza di A.S.S.E.MI."),
        ],
        staff="Un'assistente sociale, 8 ore a settimana.",
        budget=16000,
        funding=FSE,
        results="93 contatti, 35 persone inviate all'équipe di accoglienza.",
        indicators=[
            ("Persone incontrate", 93, "persone", 2021),
            ("Persone inviate ai percorsi", 35, "persone", 2021),
        ],
        evidence="Registro dei contatti.",
        lessons="Il mercato funziona più della biblioteca: è lì che passano le famiglie.",
        transfer="Utile per i comuni serviti da un ente di un altro ambito.",
    ),
    P(
        slug="italiano-per-il-lavoro-paullo",
        title="Corso di italiano per il lavoro",
        ambito="paullese",
        comuni=["paullo"],
        lead="comune-di-paullo",
        partners=["coop-eureka"],
        themes=["capacitazione", "inclusione"],
        targets=["donne", "persone-disoccupate"],
        tags=["lingua italiana", "laboratori", "orientamento"],
        period=("2021-02-22", "2021-12-20"),
        phases=["capacitazione"],
        contact=("Beatrice Lombardi", "italiano.paullo@example.org", "02 9063 1210"),
        summary=(
            "Un corso di italiano costruito sulle parole del lavoro: il colloquio, il contratto, la "
            "busta paga, la sicurezza. Lezioni al mattino, con baby-sitter, per donne straniere e "
            "persone disoccupate."
        ),
        context="Molte persone straniere parlano un po' di italiano ma non capiscono un contratto o un annuncio di lavoro.",
        objectives=[
            "Imparare l'italiano che serve per cercare e tenere un lavoro.",
        ],
        steps=[
            ("Test di livello", "Per formare gruppi omogenei."),
            ("Corso", "Due mattine a settimana per dieci mesi."),
            ("Simulazioni", "Colloqui di lavoro simulati con volontari del territorio."),
        ],
        staff="Un'insegnante di italiano L2, 6 ore a settimana.",
        budget=11000,
        funding=FSE,
        results="24 iscritte e iscritti, 19 hanno superato il test finale di livello A2.",
        indicators=[
            ("Persone che hanno concluso il corso", 19, "persone", 2021),
            ("Ore di lezione", 160, "ore", 2021),
        ],
        evidence="Test di livello all'inizio e alla fine.",
        lessons="Le simulazioni di colloquio sono state la parte più apprezzata.",
        transfer="Facile da ripetere con un'insegnante di italiano L2 e materiali sul lavoro.",
    ),
    P(
        slug="festa-delle-associazioni-paullo",
        title="Festa delle associazioni di Paullo",
        ambito="paullese",
        comuni=["paullo"],
        lead="comune-di-paullo",
        partners=["consorzio-sir"],
        themes=["attivazione"],
        targets=["comunita-locale"],
        tags=["eventi di comunità", "volontariato", "associazioni"],
        period=("2021-09-18", None),
        phases=["comunita"],
        contact=("Roberto Galli", "associazioni.paullo@example.org", "02 9063 1220"),
        summary=(
            "Una domenica di settembre le associazioni del paese allestiscono i loro stand in piazza. "
            "Chi vuole fare volontariato trova dove farlo, e le persone seguite dai servizi partecipano "
            "come volontari e non solo come utenti."
        ),
        context="Le associazioni di Paullo sono tante ma poco conosciute; chi è in difficoltà raramente vi partecipa.",
        objectives=[
            "Far conoscere le associazioni e trovare nuovi volontari.",
            "Dare un ruolo attivo alle persone seguite dai servizi.",
        ],
        steps=[
            ("Preparazione", "Tre incontri con le associazioni per organizzare la giornata."),
            ("La festa", "Stand, giochi, musica e una bacheca delle offerte di volontariato."),
            ("Dopo la festa", "Le associazioni richiamano chi ha lasciato il proprio contatto."),
        ],
        staff="Un'operatrice del comune, 20 ore per ogni edizione.",
        budget=3000,
        funding="Comune di Paullo",
        results="Tre edizioni, 26 associazioni, 41 nuovi volontari.",
        indicators=[
            ("Associazioni partecipanti", 26, "enti", 2023),
            ("Nuovi volontari", 41, "volontari", 2023),
            ("Edizioni", 3, "eventi", 2023),
        ],
        evidence="Contatti raccolti e verifica con le associazioni dopo tre mesi.",
        lessons="Coinvolgere le persone seguite dai servizi nell'organizzazione, non solo come ospiti.",
        transfer="Poco costosa; serve un'operatrice che tenga i contatti con le associazioni.",
    ),
    P(
        slug="gruppo-di-parola-genitori",
        title="Gruppo di parola per genitori senza lavoro",
        ambito="paullese",
        comuni=["paullo"],
        lead="assemi",
        partners=["comune-di-paullo", "asst-melegnano-martesana"],
        themes=["inclusione", "capacitazione"],
        targets=["famiglie", "persone-disoccupate"],
        tags=["gruppi di auto-aiuto", "genitorialità"],
        period=("2021-10-05", "2022-06-28"),
        phases=["progetto", "capacitazione"],
        contact=("Michela Sartori", "genitori.paullo@example.org", "02 9063 1230"),
        summary=(
            "Genitori che hanno perso il lavoro si incontrano ogni due settimane con una psicologa. "
            "Parlano di come la disoccupazione pesa sulla famiglia e sui figli, e si scambiano "
            "informazioni e contatti per ripartire."
        ),
        context="La perdita del lavoro porta vergogna e isolamento, e i figli ne risentono.",
        objectives=[
            "Rompere l'isolamento dei genitori disoccupati.",
            "Sostenere il ruolo di genitore nei periodi difficili.",
        ],
        steps=[
            ("Invito", "Il servizio sociale propone il gruppo alle famiglie seguite."),
            ("Incontri", "Ogni due settimane, la sera, per otto mesi."),
            ("Rete", "Il gruppo tiene una bacheca di offerte di lavoro e contatti utili."),
        ],
        staff="Una psicologa ASST, 2 ore ogni due settimane.",
        budget=5200,
        funding=FSE,
        results="14 genitori hanno partecipato con regolarità; 6 hanno trovato lavoro durante il gruppo.",
        indicators=[
            ("Genitori partecipanti", 14, "persone", 2022),
            ("Incontri", 16, "incontri", 2022),
        ],
        evidence="Questionario finale di benessere percepito.",
        lessons="La sera è l'unico orario possibile per molti genitori.",
        transfer="Serve una psicologa esperta di gruppi e una sala disponibile la sera.",
    ),
]
