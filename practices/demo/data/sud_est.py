from .record import DemoPractice as P

FSE = "Progetto CIAO! – Città Metropolitana di Milano, Fondo Sociale Europeo"

PRACTICES = [
    P(
        slug="antenne-di-quartiere",
        title="Antenne di quartiere: trovare chi non chiede aiuto",
        ambito="sud-est-milano",
        comuni=["san-giuliano-milanese", "san-donato-milanese"],
        lead="assemi",
        partners=["coop-lotta-contro-lemarginazione", "la-strada"],
        themes=["inclusione", "attivazione"],
        targets=["donne", "giovani", "famiglie"],
        tags=["scouting", "rete territoriale", "quartieri"],
        period=("2020-09-14", None),
        phases=["emersione"],
        contact=("Marta Colombo", "antenne@example.org", "02 9823 4410"),
        summary=(
            "Baristi, farmacisti, parroci e allenatori sportivi diventano «antenne»: conoscono le "
            "persone del quartiere e, quando vedono una difficoltà, le spiegano dove trovare aiuto. "
            "Un'educatrice passa ogni settimana, raccoglie le segnalazioni e fissa il primo incontro."
        ),
        context=(
            "Molte donne e molti giovani in difficoltà non arrivano ai servizi sociali: non sanno "
            "che esistono, si vergognano o pensano di non averne diritto. I servizi li incontrano "
            "tardi, quando il problema è già grande."
        ),
        objectives=[
            "Intercettare le persone fragili prima che la situazione peggiori.",
            "Far conoscere i servizi a chi vive e lavora nel quartiere.",
            "Accompagnare al primo colloquio chi ne ha bisogno.",
        ],
        steps=[
            (
                "Mappare i luoghi del quartiere",
                "Con i servizi si scelgono i luoghi dove le persone passano ogni giorno: bar, farmacie, oratori, palestre.",
            ),
            (
                "Invitare le antenne",
                "Un incontro di due ore spiega il progetto e che cosa si chiede: ascoltare e indirizzare, non risolvere.",
            ),
            (
                "Passaggio settimanale",
                "Un'educatrice visita i luoghi, raccoglie le segnalazioni e lascia materiale informativo.",
            ),
            (
                "Primo incontro",
                "Entro una settimana la persona segnalata viene chiamata e, se vuole, accompagnata al servizio.",
            ),
        ],
        staff="Due educatrici, 12 ore a settimana ciascuna; un'assistente sociale per il raccordo.",
        budget=38000,
        funding=FSE,
        results=(
            "In diciotto mesi le antenne hanno segnalato 112 persone; 64 sono arrivate al primo "
            "colloquio e 41 hanno iniziato un percorso. Per metà di loro era il primo contatto con i servizi."
        ),
        indicators=[
            ("Antenne attive", 37, "persone", 2021),
            ("Persone segnalate", 112, "persone", 2021),
            ("Persone accolte al primo colloquio", 64, "persone", 2021),
        ],
        evidence=(
            "Registro delle segnalazioni e dei colloqui; questionario alle antenne dopo un anno (29 risposte su 37)."
        ),
        lessons=(
            "All'inizio le antenne temevano di «fare la spia». Ha aiutato chiarire che la persona "
            "decide sempre se farsi chiamare. Le segnalazioni calano d'estate: conviene pianificare "
            "il passaggio settimanale anche in luglio."
        ),
        transfer=(
            "Serve un'educatrice con tempo dedicato e un servizio pronto a rispondere in pochi giorni. "
            "Funziona meglio nei comuni con una vita di quartiere: nei paesi piccoli basta il passaparola."
        ),
    ),
    P(
        slug="equipe-multiprofessionale-di-accoglienza",
        title="Équipe multiprofessionale di accoglienza",
        ambito="sud-est-milano",
        comuni=["san-giuliano-milanese", "melegnano", "san-donato-milanese"],
        lead="assemi",
        partners=["asst-melegnano-martesana", "afol", "coop-eureka"],
        themes=["inclusione", "capacitazione"],
        targets=["donne", "giovani", "persone-disoccupate"],
        tags=["équipe di accoglienza", "assessment", "presa in carico"],
        period=("2020-10-01", None),
        phases=["accoglienza", "progetto"],
        contact=("Paolo Rinaldi", "equipe.accoglienza@example.org", "02 9823 4400"),
        summary=(
            "Un'assistente sociale, un'orientatrice al lavoro e una psicologa incontrano insieme "
            "la persona. In due o tre colloqui capiscono bisogni, risorse e desideri, e propongono "
            "un percorso. La persona racconta la sua storia una volta sola."
        ),
        context=(
            "Chi chiede aiuto spesso deve raccontare la propria storia a tre o quattro uffici "
            "diversi, che non si parlano. Molti si stancano e abbandonano."
        ),
        objectives=[
            "Un solo punto di accesso per il sociale, il lavoro e la salute.",
            "Una valutazione condivisa dei bisogni e delle risorse della persona.",
            "Un progetto personalizzato entro un mese dal primo contatto.",
        ],
        steps=[
            ("Primo colloquio", "L'assistente sociale accoglie la persona e ascolta la sua richiesta."),
            (
                "Valutazione congiunta",
                "Un secondo incontro con l'orientatrice e la psicologa: competenze, salute, rete familiare.",
            ),
            ("Riunione d'équipe", "Ogni martedì l'équipe discute i casi nuovi e propone un percorso."),
            ("Restituzione", "La proposta viene discussa con la persona e scritta insieme a lei."),
        ],
        staff="Un'assistente sociale, un'orientatrice AFOL e una psicologa ASST, 6 ore a settimana ciascuna.",
        budget=52000,
        funding=FSE,
        results=(
            "Il tempo tra il primo contatto e l'avvio del percorso è sceso da 70 a 24 giorni. "
            "Le persone che abbandonano dopo il primo colloquio sono passate da una su tre a una su otto."
        ),
        indicators=[
            ("Persone accolte dall'équipe", 148, "persone", 2021),
            ("Progetti personalizzati avviati", 96, "percorsi", 2021),
            ("Riunioni d'équipe", 44, "incontri", 2021),
        ],
        evidence="Confronto con i dati del servizio sociale del 2019; interviste a 20 persone accolte.",
        lessons=(
            "La riunione settimanale è il cuore del lavoro: quando salta, i tempi si allungano subito. "
            "Serve un accordo scritto tra gli enti su chi fa cosa e sulla privacy."
        ),
        transfer=(
            "Richiede un protocollo firmato tra servizio sociale, centro per l'impiego e azienda sanitaria, "
            "e una stanza dove incontrarsi. Si può partire con due figure e aggiungere la terza."
        ),
    ),
    P(
        slug="bilancio-di-competenze-per-donne",
        title="Bilancio di competenze per donne che tornano al lavoro",
        ambito="sud-est-milano",
        comuni=["san-giuliano-milanese", "carpiano", "dresano"],
        lead="afol",
        partners=["assemi", "coop-eureka"],
        themes=["capacitazione", "occupazione"],
        targets=["donne"],
        tags=["bilancio di competenze", "orientamento", "laboratori"],
        period=("2021-01-18", "2021-12-17"),
        phases=["capacitazione"],
        contact=("Chiara Bassi", "orientamento.sudest@example.org", "02 9823 4421"),
        summary=(
            "Un gruppo di otto donne, per dieci incontri, ricostruisce che cosa sa fare: anche il "
            "lavoro di cura e il volontariato insegnano qualcosa. Alla fine ognuna ha un curriculum "
            "aggiornato e un piano per cercare lavoro."
        ),
        context=(
            "Molte donne sono rimaste fuori dal lavoro per anni per crescere i figli o assistere un "
            "familiare. Pensano di «non saper fare niente» e non sanno da dove ricominciare."
        ),
        objectives=[
            "Riconoscere le competenze maturate anche fuori dal lavoro.",
            "Ritrovare fiducia e costruire un obiettivo professionale realistico.",
            "Preparare curriculum e colloquio.",
        ],
        steps=[
            ("Colloquio individuale", "Per capire se il gruppo è adatto e che cosa la persona si aspetta."),
            (
                "Dieci incontri di gruppo",
                "Due ore a settimana, con esercizi sulla propria storia, sulle competenze e sul mercato del lavoro locale.",
            ),
            (
                "Portfolio",
                "Ogni partecipante raccoglie prove delle sue competenze: attestati, lettere, foto di lavori fatti.",
            ),
            ("Piano d'azione", "Un ultimo colloquio fissa tre passi concreti per i mesi successivi."),
        ],
        staff="Due orientatrici, 4 ore a settimana per gruppo; servizio di babysitting durante gli incontri.",
        budget=21500,
        funding=FSE,
        results=(
            "Quattro gruppi, 31 donne concluse su 34 iscritte. A sei mesi, 12 lavorano e 9 frequentano "
            "un corso di formazione."
        ),
        indicators=[
            ("Donne che hanno concluso il percorso", 31, "persone", 2021),
            ("Ore di orientamento di gruppo", 80, "ore", 2021),
            ("Donne occupate a sei mesi", 12, "persone", 2022),
        ],
        evidence="Questionario di autoefficacia all'inizio e alla fine; telefonata di verifica a sei mesi.",
        lessons=(
            "Il babysitting è stato decisivo: senza, metà delle donne non avrebbe potuto partecipare. "
            "Meglio gruppi omogenei per età dei figli, per fissare orari adatti a tutte."
        ),
        transfer="Serve un'orientatrice formata al bilancio di competenze e uno spazio con una stanza per i bambini.",
    ),
    P(
        slug="tirocini-di-inclusione-nelle-imprese",
        title="Tirocini di inclusione nelle imprese del Sud Milano",
        ambito="sud-est-milano",
        comuni=["san-giuliano-milanese", "melegnano", "vizzolo-predabissi", "san-zenone-al-lambro"],
        lead="assemi",
        partners=["consorzio-mestieri-lombardia", "afol"],
        themes=["occupazione", "inclusione"],
        targets=["giovani", "persone-disoccupate", "imprese"],
        tags=["tirocini", "rete con le imprese", "tutor aziendale"],
        period=("2020-11-02", None),
        phases=["tirocini", "occupazione"],
        contact=("Luca Ferrari", "tirocini.sudest@example.org", "02 9823 4432"),
        summary=(
            "Tirocini di sei mesi in aziende del territorio, con una borsa mensile e un tutor che "
            "segue la persona e l'azienda. Il tutor va in azienda ogni due settimane e interviene "
            "subito se qualcosa non va."
        ),
        context=(
            "Le persone seguite dai servizi hanno poche esperienze recenti di lavoro e le aziende "
            "temono di assumerle. Un tirocinio accompagnato permette di conoscersi senza rischi."
        ),
        objectives=[
            "Offrire un'esperienza di lavoro vera, con un tutor.",
            "Convincere le aziende che l'inclusione è possibile.",
            "Trasformare almeno un tirocinio su tre in un contratto.",
        ],
        steps=[
            ("Ricerca delle aziende", "Il tutor contatta le aziende, spiega il progetto e raccoglie le disponibilità."),
            ("Abbinamento", "Persona e azienda si incontrano in un colloquio informale prima di decidere."),
            ("Tirocinio accompagnato", "Sei mesi, 20-30 ore a settimana, con visite del tutor ogni due settimane."),
            ("Verifica finale", "Un incontro a tre per decidere il dopo: assunzione, proroga o altra strada."),
        ],
        staff="Tre tutor per l'inserimento lavorativo, a tempo pieno.",
        budget=96000,
        funding=FSE + "; borse di tirocinio dal Fondo povertà",
        results="In due anni 58 tirocini, 47 conclusi; 19 persone assunte dall'azienda ospitante o da un'altra.",
        indicators=[
            ("Tirocini avviati", 58, "tirocini", 2022),
            ("Imprese ospitanti", 34, "imprese", 2022),
            ("Persone assunte dopo il tirocinio", 19, "persone", 2022),
        ],
        evidence="Dati dei tirocini e delle comunicazioni obbligatorie di assunzione.",
        lessons=(
            "Le aziende tornano se il tutor risponde al telefono. Le piccole imprese hanno bisogno "
            "di aiuto con le pratiche: il tutor se ne occupa."
        ),
        transfer="Servono tutor dedicati e un fondo per le borse di tirocinio. Partire da poche aziende convinte, che fanno da esempio alle altre.",
    ),
    P(
        slug="autonomia-dopo-la-violenza",
        title="Autonomia dopo la violenza: lavoro e casa con la rete antiviolenza",
        ambito="sud-est-milano",
        comuni=["san-giuliano-milanese", "san-donato-milanese", "melegnano"],
        lead="rete-antiviolenza-del-distretto-sociale-sud-est-milano",
        partners=["assemi", "fondazione-somaschi-onlus"],
        themes=["inclusione", "occupazione"],
        targets=["donne-vittime-di-violenza", "donne"],
        tags=["rete antiviolenza", "autonomia", "accompagnamento"],
        period=("2020-07-16", "2021-12-31"),
        phases=["progetto", "occupazione"],
        contact=("Elena Galli", "autonomia.donne@example.org", "02 9823 4450"),
        summary=(
            "Le donne uscite da una situazione di violenza, già seguite dal centro antiviolenza, "
            "ricevono un percorso verso il lavoro e la casa: orientamento, formazione breve, tirocinio "
            "e aiuto a trovare un alloggio."
        ),
        context=(
            "Senza un reddito e una casa, molte donne tornano dal partner violento. La rete antiviolenza "
            "proteggeva le donne, ma mancava un ponte verso l'autonomia economica."
        ),
        objectives=[
            "Dare a ogni donna un progetto di autonomia economica.",
            "Trovare un alloggio stabile entro la fine del percorso.",
        ],
        steps=[
            ("Segnalazione protetta", "Il centro antiviolenza propone il percorso e la donna sceglie se aderire."),
            ("Progetto con l'équipe", "Operatrice antiviolenza e orientatrice scrivono il progetto con la donna."),
            ("Formazione e tirocinio", "Corsi brevi e un tirocinio in aziende sensibili al tema."),
            ("Casa", "Contributo per l'affitto e accompagnamento nella ricerca di un alloggio."),
        ],
        staff="Un'operatrice antiviolenza e un'orientatrice, 10 ore a settimana ciascuna.",
        budget=45000,
        funding=FSE,
        results="22 donne accompagnate; 14 hanno un lavoro e 11 una casa in affitto a loro nome.",
        indicators=[
            ("Donne accompagnate", 22, "persone", 2021),
            ("Tirocini avviati", 12, "tirocini", 2021),
            ("Donne con un lavoro a fine percorso", 14, "persone", 2021),
        ],
        evidence="Schede di monitoraggio del centro antiviolenza, anonime.",
        lessons="La riservatezza viene prima di tutto: le aziende conoscono solo ciò che la donna sceglie di raccontare.",
        transfer="Possibile dove esiste una rete antiviolenza attiva e un accordo con il servizio lavoro.",
    ),
    P(
        slug="cene-di-quartiere-a-melegnano",
        title="Cene di quartiere a Melegnano",
        ambito="sud-est-milano",
        comuni=["melegnano"],
        lead="coop-lotta-contro-lemarginazione",
        partners=["assemi"],
        themes=["attivazione"],
        targets=["comunita-locale", "famiglie"],
        tags=["eventi di comunità", "volontariato", "quartieri"],
        period=("2021-05-08", None),
        phases=["comunita"],
        contact=("Giorgio Villa", "cene.quartiere@example.org", "02 9823 4461"),
        summary=(
            "Una volta al mese, in cortile o in oratorio, gli abitanti cucinano e cenano insieme. "
            "Ogni famiglia porta un piatto. Durante la cena si presentano le iniziative del quartiere "
            "e chi ha bisogno trova qualcuno con cui parlare."
        ),
        context="Nei quartieri popolari molte persone vivono sole e non conoscono i vicini.",
        objectives=[
            "Far conoscere tra loro gli abitanti.",
            "Creare occasioni in cui chiedere e offrire aiuto senza imbarazzo.",
        ],
        steps=[
            ("Un gruppo di abitanti", "Cinque o sei volontari scelgono la data e il luogo."),
            ("Invito porta a porta", "I volontari lasciano un invito in ogni casa del caseggiato."),
            ("La cena", "Ognuno porta un piatto; il gruppo prepara tavoli, musica e un angolo per i bambini."),
        ],
        staff="Un'educatrice di comunità, 4 ore al mese; volontari del quartiere.",
        budget=4800,
        funding="Piano di zona; contributo del Comune di Melegnano",
        results="Quattordici cene con una media di 60 persone; è nato un gruppo di mutuo aiuto per la spesa degli anziani.",
        indicators=[
            ("Cene organizzate", 14, "eventi", 2022),
            ("Volontari coinvolti", 18, "volontari", 2022),
            ("Partecipanti medi per cena", 60, "persone", 2022),
        ],
        evidence="Fogli presenze e un incontro di valutazione con gli abitanti ogni sei mesi.",
        lessons="D'inverno serve uno spazio al chiuso: l'oratorio ha risolto il problema.",
        transfer="Costa poco: servono un'educatrice che accompagni i primi mesi e un luogo gratuito.",
    ),
    P(
        slug="laboratorio-digitale",
        title="Laboratorio digitale: SPID, curriculum e ricerca di lavoro online",
        ambito="sud-est-milano",
        comuni=["vizzolo-predabissi", "melegnano", "cerro-al-lambro"],
        lead="coop-eureka",
        partners=["assemi", "afol"],
        themes=["capacitazione", "occupazione"],
        targets=["donne", "persone-disoccupate"],
        tags=["competenze digitali", "laboratori", "orientamento"],
        period=("2021-02-01", None),
        phases=["capacitazione"],
        contact=("Sara Moretti", "digitale@example.org", "02 9823 4470"),
        summary=(
            "Sei incontri in piccoli gruppi per imparare a usare lo smartphone e il computer per le cose "
            "che servono: SPID, posta elettronica, curriculum, candidature online, colloqui in video."
        ),
        context=(
            "Oggi quasi ogni offerta di lavoro e ogni pratica passano da internet. Chi non sa usare "
            "questi strumenti resta escluso."
        ),
        objectives=[
            "Rendere autonome le persone nelle pratiche online di base.",
            "Preparare un curriculum digitale e candidarsi online.",
        ],
        steps=[
            ("Test d'ingresso", "Una breve prova pratica per formare gruppi di livello simile."),
            ("Sei incontri", "Due ore ciascuno, massimo sei persone, un computer a testa."),
            ("Sportello", "Dopo il corso, uno sportello settimanale per i dubbi."),
        ],
        staff="Un formatore e un volontario del servizio civile.",
        budget=9600,
        funding=FSE,
        results="Nove corsi, 51 persone; 44 hanno attivato lo SPID e 39 hanno inviato almeno una candidatura online.",
        indicators=[
            ("Persone formate", 51, "persone", 2022),
            ("Ore di laboratorio", 108, "ore", 2022),
        ],
        evidence="Prova pratica finale: attivare lo SPID e inviare una candidatura.",
        lessons="Meglio usare lo smartphone della persona: è lo strumento che avrà a casa.",
        transfer="Serve un'aula con computer e connessione; i volontari del servizio civile sono un aiuto prezioso.",
    ),
    P(
        slug="colazioni-di-lavoro-con-le-imprese",
        title="Colazioni di lavoro con le imprese",
        ambito="sud-est-milano",
        comuni=["san-donato-milanese", "san-giuliano-milanese"],
        lead="assemi",
        partners=["consorzio-mestieri-lombardia", "afol"],
        themes=["occupazione", "attivazione"],
        targets=["imprese"],
        tags=["rete con le imprese", "responsabilità sociale"],
        period=("2021-03-10", None),
        phases=["occupazione", "comunita"],
        contact=("Andrea Conti", "imprese.sudest@example.org", "02 9823 4480"),
        summary=(
            "Ogni due mesi i servizi invitano a colazione i titolari delle aziende del territorio. "
            "In un'ora si raccontano storie di inserimenti riusciti, si raccolgono i bisogni di personale "
            "e si presentano gli incentivi per le assunzioni."
        ),
        context="Le imprese conoscono poco i servizi sociali e non sanno che possono trovare lì personale motivato.",
        objectives=[
            "Creare fiducia tra servizi e imprese.",
            "Raccogliere offerte di lavoro e di tirocinio.",
        ],
        steps=[
            ("Invito mirato", "Si invitano 10-15 aziende dello stesso settore."),
            (
                "La colazione",
                "Un'impresa racconta la sua esperienza; i servizi presentano le persone in cerca di lavoro, senza dati personali.",
            ),
            ("Dopo", "Entro una settimana il tutor richiama ogni azienda interessata."),
        ],
        staff="Un responsabile dei rapporti con le imprese, 8 ore al mese.",
        budget=3500,
        funding="Piano di zona",
        results="Dieci colazioni, 87 aziende partecipanti, 26 offerte di tirocinio raccolte.",
        indicators=[
            ("Imprese partecipanti", 87, "imprese", 2022),
            ("Offerte di tirocinio raccolte", 26, "tirocini", 2022),
            ("Colazioni organizzate", 10, "eventi", 2022),
        ],
        evidence="Registro delle offerte raccolte e dei tirocini avviati.",
        lessons="La testimonianza di un imprenditore convince più di qualsiasi presentazione dei servizi.",
        transfer="Facile da ripetere: servono una sala, una colazione e un elenco di aziende.",
    ),
    P(
        slug="doposcuola-solidale",
        title="Doposcuola solidale con i ragazzi del servizio civile",
        ambito="sud-est-milano",
        comuni=["san-giuliano-milanese"],
        lead="assemi",
        themes=["attivazione", "inclusione"],
        targets=["famiglie", "giovani"],
        tags=["doposcuola", "volontariato"],
        period=("2024-10-01", None),
        phases=["comunita"],
        contact=("Olga Operatrice", "operatrice@example.org", ""),
        summary="Bozza in preparazione: un doposcuola per i figli delle famiglie seguite, tenuto dai ragazzi del servizio civile.",
        context="Bozza.",
        objectives=["Da completare."],
        steps=[("Da definire", "")],
        results="",
        indicators=[],
        draft=True,
    ),
]
