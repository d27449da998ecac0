from .record import DemoPractice as P

FSE = "Progetto CIAO! – Città Metropolitana di Milano, Fondo Sociale Europeo"

PRACTICES = [
    P(
        slug="educativa-di-strada-rozzano-pieve",
        title="Educativa di strada a Rozzano e Pieve Emanuele",
        ambito="visconteo-sud-milano",
        comuni=["rozzano", "pieve-emanuele"],
        lead="coop-stripes",
        partners=["ufficio-di-piano-ambito-visconteo-sud-milano"],
        themes=["inclusione", "attivazione"],
        targets=["giovani"],
        tags=["scouting", "educativa di strada", "NEET"],
        period=("2020-09-01", None),
        phases=["emersione"],
        contact=("Davide Marini", "strada.visconteo@example.org", "02 5750 1120"),
        summary=(
            "Due educatori incontrano i ragazzi dove si ritrovano: parchi, piazze, fermate dell'autobus. "
            "Parlano con loro, ascoltano, e a chi non studia e non lavora propongono di passare allo "
            "sportello giovani per costruire un progetto."
        ),
        context=(
            "Molti giovani tra i 16 e i 25 anni hanno lasciato la scuola e non cercano lavoro. "
            "Non vanno ai servizi: bisogna andare da loro."
        ),
        objectives=[
            "Conoscere i gruppi di ragazzi nei luoghi informali.",
            "Agganciare i giovani che non studiano e non lavorano.",
            "Accompagnarli allo sportello giovani.",
        ],
        steps=[
            (
                "Mappatura dei luoghi",
                "Nelle prime settimane gli educatori osservano dove e quando si ritrovano i ragazzi.",
            ),
            ("Presenza regolare", "Tre uscite a settimana, sempre negli stessi orari, per farsi conoscere."),
            ("Proposta", "Quando c'è fiducia, gli educatori propongono attività, sport, lo sportello giovani."),
        ],
        staff="Due educatori professionali, 18 ore a settimana ciascuno.",
        budget=41000,
        funding=FSE,
        results="Contattati circa 300 ragazzi; 46 sono arrivati allo sportello giovani e 28 hanno avviato un percorso.",
        indicators=[
            ("Giovani contattati in strada", 300, "persone", 2021),
            ("Giovani accompagnati allo sportello", 46, "persone", 2021),
            ("Uscite in strada", 140, "uscite", 2021),
        ],
        evidence="Diario di bordo degli educatori e registro dello sportello giovani.",
        lessons="Ci vogliono mesi per conquistare la fiducia: un progetto di un anno è troppo corto.",
        transfer="Serve continuità: gli stessi educatori, negli stessi luoghi, per almeno due anni.",
    ),
    P(
        slug="sportello-lavoro-itinerante",
        title="Sportello lavoro itinerante nei comuni piccoli",
        ambito="visconteo-sud-milano",
        comuni=["vernate", "noviglio", "casarile", "binasco"],
        lead="ufficio-di-piano-ambito-visconteo-sud-milano",
        partners=["afol", "coop-praticare-il-futuro"],
        themes=["occupazione", "inclusione"],
        targets=["persone-disoccupate", "famiglie"],
        tags=["orientamento", "sportello", "comuni piccoli"],
        period=("2020-10-05", None),
        phases=["accoglienza", "occupazione"],
        contact=("Roberta Fontana", "sportello.itinerante@example.org", "02 9005 2230"),
        summary=(
            "Un'orientatrice gira per i comuni più piccoli dell'ambito: un giorno al mese in ogni municipio. "
            "Aiuta a scrivere il curriculum, a cercare offerte e a iscriversi ai corsi, senza dover "
            "andare fino al centro per l'impiego."
        ),
        context=(
            "Nei comuni piccoli non c'è uno sportello lavoro e gli autobus sono pochi. Chi non ha "
            "l'auto rinuncia a farsi aiutare."
        ),
        objectives=[
            "Portare l'orientamento al lavoro vicino a casa.",
            "Collegare le persone ai servizi per l'impiego e ai corsi.",
        ],
        steps=[
            ("Calendario", "Ogni comune ospita lo sportello un giorno al mese, in municipio o in biblioteca."),
            ("Appuntamenti", "Si prenota in comune o per telefono; si accettano anche persone senza appuntamento."),
            ("Colloquio", "Curriculum, offerte, iscrizioni; per i casi più complessi, invio all'équipe."),
        ],
        staff="Un'orientatrice AFOL, 16 ore a settimana.",
        budget=27000,
        funding=FSE,
        results="213 colloqui con 124 persone; 38 hanno trovato lavoro entro sei mesi.",
        indicators=[
            ("Persone orientate", 124, "persone", 2021),
            ("Colloqui di orientamento", 213, "colloqui", 2021),
            ("Persone occupate a sei mesi", 38, "persone", 2022),
        ],
        evidence="Registro dei colloqui e telefonata di verifica a sei mesi.",
        lessons="Il passaparola in paese funziona più dei volantini: coinvolgere il sindaco e il parroco.",
        transfer="Adatta agli ambiti con molti comuni piccoli; serve un'orientatrice disposta a spostarsi.",
    ),
    P(
        slug="progetto-personalizzato-scritto-insieme",
        title="Il progetto personalizzato scritto insieme",
        ambito="visconteo-sud-milano",
        comuni=["rozzano", "opera", "locate-di-triulzi"],
        lead="ufficio-di-piano-ambito-visconteo-sud-milano",
        partners=["coop-stripes", "coop-melograno"],
        themes=["inclusione", "capacitazione"],
        targets=["donne", "giovani"],
        tags=["co-progettazione", "patto di attivazione", "presa in carico"],
        period=("2020-11-16", None),
        phases=["progetto"],
        contact=("Francesca Riva", "progetti.visconteo@example.org", "02 5750 1140"),
        summary=(
            "Il progetto personalizzato non è un modulo da firmare: la persona lo scrive con l'operatore, "
            "con parole sue. Contiene obiettivi piccoli e verificabili, chi fa cosa e quando ci si rivede."
        ),
        context=(
            "I progetti scritti dagli operatori e firmati dalla persona spesso restano nel cassetto: "
            "la persona non li sente suoi."
        ),
        objectives=[
            "Rendere la persona protagonista del proprio progetto.",
            "Fissare obiettivi concreti e verificabili ogni due mesi.",
        ],
        steps=[
            ("Scheda dei desideri", "La persona scrive o racconta che cosa vorrebbe tra un anno."),
            ("Obiettivi piccoli", "Insieme si scelgono tre obiettivi per i prossimi due mesi."),
            (
                "Impegni reciproci",
                "Si scrive che cosa fa la persona, che cosa fa il servizio, che cosa fanno gli altri enti.",
            ),
            ("Verifica", "Ogni due mesi si controlla, si festeggia quello che è riuscito e si riscrive il resto."),
        ],
        staff="Assistenti sociali ed educatori dell'ambito, con una formazione iniziale di 16 ore.",
        budget=12000,
        funding=FSE,
        results="87 progetti scritti con il nuovo metodo; il 72% degli obiettivi a due mesi è stato raggiunto.",
        indicators=[
            ("Progetti personalizzati scritti insieme", 87, "percorsi", 2021),
            ("Operatori formati al metodo", 24, "persone", 2021),
        ],
        evidence="Confronto tra obiettivi fissati e raggiunti; focus group con 12 persone seguite.",
        lessons="Scrivere con la persona richiede più tempo al primo colloquio, ma se ne risparmia dopo.",
        transfer="Basta una formazione breve degli operatori e una scheda semplice; nessun costo aggiuntivo.",
    ),
    P(
        slug="laboratorio-di-sartoria-sociale",
        title="Laboratorio di sartoria sociale",
        ambito="visconteo-sud-milano",
        comuni=["opera", "pieve-emanuele"],
        lead="coop-melograno",
        partners=["rete-antiviolenza-del-distretto-del-visconteo"],
        themes=["capacitazione", "occupazione"],
        targets=["donne", "donne-vittime-di-violenza"],
        tags=["laboratori", "sartoria", "competenze trasversali"],
        period=("2021-01-11", "2022-06-30"),
        phases=["capacitazione"],
        contact=("Anna Gatti", "sartoria@example.org", "02 5750 1155"),
        summary=(
            "Un laboratorio di cucito due mattine a settimana. Le donne imparano un mestiere, ma anche "
            "a rispettare orari, lavorare in gruppo e gestire un piccolo ordine per un cliente vero."
        ),
        context=(
            "Molte donne seguite dai servizi non hanno mai lavorato fuori casa. Prima di un tirocinio "
            "serve un luogo protetto dove provare."
        ),
        objectives=[
            "Imparare le basi della sartoria e delle riparazioni.",
            "Allenare le competenze di base del lavoro: puntualità, lavoro in gruppo, responsabilità.",
        ],
        steps=[
            ("Ingresso", "Colloquio con l'educatrice e prova di una mattina."),
            ("Laboratorio", "Due mattine a settimana per sei mesi, con una sarta professionista."),
            ("Commesse", "Piccoli ordini da negozi e associazioni del territorio, con consegne da rispettare."),
            ("Uscita", "Bilancio finale e, per chi è pronta, un tirocinio in una sartoria o in un'azienda tessile."),
        ],
        staff="Una sarta professionista e un'educatrice, 8 ore a settimana.",
        budget=23000,
        funding=FSE + "; vendita dei prodotti",
        results="26 donne hanno partecipato; 9 hanno iniziato un tirocinio e 5 sono state assunte.",
        indicators=[
            ("Donne partecipanti", 26, "persone", 2022),
            ("Ore di laboratorio", 384, "ore", 2022),
            ("Tirocini avviati dopo il laboratorio", 9, "tirocini", 2022),
        ],
        evidence="Scheda di osservazione delle competenze trasversali, compilata all'ingresso e all'uscita.",
        lessons="Le commesse vere motivano molto più degli esercizi.",
        transfer="Servono uno spazio con macchine da cucire e una sarta disposta a insegnare.",
    ),
    P(
        slug="giovani-in-bottega",
        title="Giovani in bottega: stage negli artigiani del territorio",
        ambito="visconteo-sud-milano",
        comuni=["lacchiarella", "binasco", "zibido-san-giacomo"],
        lead="coop-praticare-il-futuro",
        partners=["afol", "ufficio-di-piano-ambito-visconteo-sud-milano"],
        themes=["occupazione", "capacitazione"],
        targets=["giovani", "imprese"],
        tags=["tirocini", "rete con le imprese", "artigianato"],
        period=("2021-03-01", None),
        phases=["tirocini"],
        contact=("Matteo Brambilla", "bottega@example.org", "02 9005 2250"),
        summary=(
            "Ragazzi tra i 18 e i 25 anni fanno uno stage di tre mesi presso falegnami, meccanici, "
            "panettieri e parrucchieri della zona. L'artigiano insegna il mestiere, un tutor segue il ragazzo."
        ),
        context="Molti artigiani cercano apprendisti e non li trovano; molti giovani non sanno che questi mestieri esistono ancora.",
        objectives=[
            "Far conoscere i mestieri artigiani ai giovani.",
            "Aiutare gli artigiani a trovare e formare apprendisti.",
        ],
        steps=[
            ("Visite in bottega", "Gruppi di ragazzi visitano tre botteghe diverse in una settimana."),
            ("Scelta e stage", "Ogni ragazzo sceglie una bottega e inizia uno stage di tre mesi."),
            ("Accompagnamento", "Il tutor incontra ragazzo e artigiano ogni due settimane."),
        ],
        staff="Un tutor, 20 ore a settimana.",
        budget=31000,
        funding=FSE,
        results="33 stage, 27 conclusi; 11 ragazzi assunti come apprendisti.",
        indicators=[
            ("Stage avviati", 33, "tirocini", 2022),
            ("Botteghe coinvolte", 21, "imprese", 2022),
            ("Apprendisti assunti", 11, "persone", 2022),
        ],
        evidence="Dati degli stage e delle assunzioni; intervista agli artigiani.",
        lessons="Gli artigiani hanno poco tempo per la burocrazia: il tutor deve occuparsene.",
        transfer="Funziona dove c'è un tessuto di piccole imprese artigiane; coinvolgere le associazioni di categoria.",
    ),
    P(
        slug="mentori-volontari-per-il-lavoro",
        title="Mentori volontari per la ricerca del lavoro",
        ambito="visconteo-sud-milano",
        comuni=["basiglio", "locate-di-triulzi", "rozzano"],
        lead="consorzio-sir",
        partners=["ufficio-di-piano-ambito-visconteo-sud-milano"],
        themes=["occupazione", "attivazione"],
        targets=["persone-disoccupate", "comunita-locale"],
        tags=["volontariato", "mentoring", "rete con le imprese"],
        period=("2021-04-12", None),
        phases=["occupazione", "comunita"],
        contact=("Giulia Sala", "mentori@example.org", "02 9005 2270"),
        summary=(
            "Pensionati e professionisti del territorio fanno da mentori a chi cerca lavoro: un incontro "
            "a settimana per tre mesi, per preparare i colloqui, allargare i contatti e non perdersi d'animo."
        ),
        context="Chi cerca lavoro da tempo perde fiducia e contatti. Molte persone del territorio hanno esperienza e tempo da offrire.",
        objectives=[
            "Affiancare a chi cerca lavoro una persona di fiducia.",
            "Coinvolgere la comunità nell'inclusione lavorativa.",
        ],
        steps=[
            ("Reclutamento dei mentori", "Serata pubblica e colloquio con ogni aspirante mentore."),
            ("Formazione", "Tre incontri su ascolto, mercato del lavoro e limiti del ruolo."),
            ("Abbinamento", "Mentore e persona si conoscono in un incontro con l'operatrice."),
            ("Tre mesi insieme", "Un incontro a settimana; l'operatrice sente entrambi ogni mese."),
        ],
        staff="Un'operatrice di coordinamento, 10 ore a settimana; mentori volontari.",
        budget=8500,
        funding="Piano di zona",
        results="25 mentori formati, 40 abbinamenti; 17 persone hanno trovato lavoro durante o subito dopo.",
        indicators=[
            ("Mentori volontari formati", 25, "volontari", 2022),
            ("Persone affiancate", 40, "persone", 2022),
            ("Persone occupate", 17, "persone", 2022),
        ],
        evidence="Diario degli incontri e questionario finale a mentori e persone affiancate.",
        lessons="Il mentore non è un operatore: servono confini chiari e qualcuno a cui rivolgersi.",
        transfer="Richiede una rete di volontariato attiva e un'operatrice che coordini.",
    ),
    P(
        slug="formazione-congiunta-operatori-visconteo",
        title="Formazione congiunta degli operatori pubblici e del terzo settore",
        ambito="visconteo-sud-milano",
        comuni=["rozzano", "binasco", "opera"],
        lead="ufficio-di-piano-ambito-visconteo-sud-milano",
        partners=["ai-scs-onlus", "coop-stripes", "coop-melograno"],
        themes=["capacitazione", "inclusione"],
        targets=["operatori-dei-servizi"],
        tags=["formazione operatori", "comunità di pratica", "lavoro di rete"],
        period=("2020-10-20", "2021-11-30"),
        phases=["accoglienza", "progetto"],
        contact=("Laura Cattaneo", "formazione.visconteo@example.org", "02 5750 1100"),
        summary=(
            "Assistenti sociali dei comuni ed educatori delle cooperative si formano insieme, nella stessa "
            "aula, su casi reali. Imparano un linguaggio comune e si conoscono di persona."
        ),
        context="Operatori pubblici e del privato sociale lavoravano sulle stesse persone senza conoscersi.",
        objectives=[
            "Costruire un linguaggio e strumenti comuni.",
            "Far nascere una comunità di pratica stabile.",
        ],
        steps=[
            ("Otto incontri", "Mezza giornata al mese, ogni volta su un tema: accoglienza, progetto, lavoro, rete."),
            ("Casi reali", "Ogni incontro parte da un caso portato da un operatore, reso anonimo."),
            ("Strumenti comuni", "Il gruppo ha scritto insieme la scheda di accoglienza usata da tutti gli enti."),
        ],
        staff="Due formatori esterni; 62 operatori partecipanti.",
        budget=14000,
        funding=FSE,
        results="62 operatori di 14 enti formati; una scheda di accoglienza unica adottata in tutto l'ambito.",
        indicators=[
            ("Operatori formati", 62, "persone", 2021),
            ("Ore di formazione", 32, "ore", 2021),
        ],
        evidence="Questionario di gradimento e adozione della scheda comune a un anno.",
        lessons="I casi reali funzionano più delle lezioni; la privacy va curata con attenzione.",
        transfer="Si può ripetere ovunque; il costo maggiore è il tempo degli operatori.",
    ),
]
