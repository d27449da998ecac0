"""Demo events: about three months back and three ahead of the day the command runs.

Every event is looked up by slug first, so a second run changes nothing (and
keeps the dates of the first run). Among them: weekly and monthly repeats, one
cancelled, one postponed, one online, one both in person and online, one all-day
over two days, and one citizen's proposal waiting for the redazione.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from ciao.demo import ensure_child
from ciao.models import Comune, Organisation, TargetGroup, Theme

from .models import EventIndexPage, EventPage, EventPageExceptionDate
from .recurrence import ROME, Frequency

# (slug, title, comune slug or None, venue, address, days from today, "HH:MM" or None for all day,
#  minutes (days for all day), themes, audience, organiser, extra fields)
EVENTS = [
    ("sportello-lavoro-rozzano", "Apertura dello sportello lavoro", "rozzano", "Centro civico", "Via Roma 2", -85, "10:00", 120,
     ["occupazione"], ["persone-disoccupate"], "AFOL", {}),
    ("bilancio-di-competenze", "Il bilancio di competenze: che cos'è e a cosa serve", "melegnano", "Biblioteca comunale", "Piazza Risorgimento 1", -78, "17:30", 90,
     ["capacitazione"], ["donne", "giovani"], "Coop. CESVIP", {}),
    ("cucina-dal-mondo", "Laboratorio di cucina dal mondo", "corsico", "Spazio comunità", "Via Dante 15", -70, "18:00", 150,
     ["attivazione", "inclusione"], ["comunita-locale", "famiglie"], "Coop. Lotta contro l'Emarginazione", {"tags": ["laboratorio", "cucina"]}),
    ("orientamento-tirocini", "Giornata di orientamento ai tirocini", "san-donato-milanese", "Sala consiliare", "Via Cesare Battisti 2", -62, "09:30", 210,
     ["occupazione"], ["giovani"], "Consorzio Mestieri Lombardia", {"tags": ["tirocini"]}),
    ("caffe-delle-donne", "Il caffè delle donne", "paullo", "Biblioteca di Paullo", "Via Mazzini 30", -55, "09:30", 90,
     ["inclusione"], ["donne"], "Comune di Paullo", {}),
    ("informatica-di-base-presentazione", "Corso di informatica di base: presentazione", "buccinasco", "Centro civico", "Via Vittorio Emanuele 7", -48, "18:00", 60,
     ["capacitazione"], ["persone-disoccupate"], "AFOL", {}),
    ("tavolo-comunita-di-pratica", "Tavolo della comunità di pratica: le équipe si raccontano", None, "", "", -40, "14:30", 120,
     ["inclusione"], ["operatori-dei-servizi"], "A.S.S.E.MI", {"online_url": "https://meet.example.org/ciao-tavolo"}),
    ("festa-associazioni-opera", "Festa delle associazioni", "opera", "Parco comunale", "Via Giuseppe Di Vittorio", -33, None, 1,
     ["attivazione"], ["comunita-locale"], "Ufficio di Piano Ambito Visconteo Sud Milano", {"tags": ["festa"]}),
    ("colloqui-di-lavoro", "Colloqui di lavoro: come prepararsi", "binasco", "Sala polifunzionale", "Piazza Castello 1", -25, "17:00", 120,
     ["occupazione", "capacitazione"], ["giovani", "persone-disoccupate"], "Coop. Sociale Officina Lavoro Onlus", {}),
    ("imprese-del-territorio", "Incontro con le imprese del territorio", "san-giuliano-milanese", "Sala Previato", "Via Cavour 4", -18, "18:00", 120,
     ["occupazione"], ["imprese"], "Consorzio SIR", {"tags": ["imprese", "tirocini"]}),
    ("cinema-e-inclusione", "Cinema e inclusione: proiezione e dibattito", "cesano-boscone", "Cineteatro", "Via Milano 10", -11, "20:45", 150,
     ["inclusione", "attivazione"], ["comunita-locale"], "Coop. Stripes", {}),
    ("visita-cooperativa", "Visita a una cooperativa sociale", "cerro-al-lambro", "Cooperativa agricola", "Via Vittorio Veneto 1", -7, "10:00", 120,
     ["occupazione"], ["giovani"], "Coop. Praticare il Futuro", {}),
    ("sportello-famiglie-pieve", "Sportello famiglie: bandi e contributi", "pieve-emanuele", "Palazzo comunale", "Via Viquarterio 1", -4, "16:00", 120,
     ["inclusione"], ["famiglie"], "Ufficio di Piano Ambito Visconteo Sud Milano", {}),
    ("curriculum-san-zenone", "Laboratorio: scrivere il curriculum", "san-zenone-al-lambro", "Biblioteca comunale", "Piazza Aldo Moro 2", 2, "17:30", 120,
     ["capacitazione", "occupazione"], ["persone-disoccupate", "giovani"], "Coop. Eureka", {"capacity": 15, "registration": "email", "registration_email": "curriculum@example.org", "tags": ["laboratorio", "curriculum"]}),
    ("webinar-tirocini-imprese", "Webinar: i tirocini di inclusione spiegati alle imprese", None, "", "", 5, "11:00", 60,
     ["occupazione"], ["imprese"], "Consorzio Mestieri Lombardia", {"online_url": "https://meet.example.org/ciao-tirocini", "registration": "link", "registration_url": "https://example.org/iscrizioni/webinar-tirocini", "tags": ["tirocini", "imprese"]}),
    ("conciliare-lavoro-famiglia", "Conciliare lavoro e famiglia: incontro aperto", "assago", "Centro civico", "Via dei Caduti 7", 9, "18:00", 90,
     ["inclusione"], ["donne", "famiglie"], "Ufficio di Piano Ambito Corsichese", {}),
    ("educazione-finanziaria", "Corso di educazione finanziaria per la famiglia", "basiglio", "Sala civica", "Piazza Leonardo da Vinci 1", 12, "18:30", 120,
     ["capacitazione"], ["famiglie"], "Fondazione Somaschi Onlus", {"is_free": False, "price": 10, "cost_notes": "Contributo per i materiali; gratuito per chi segue un percorso CIAO!", "capacity": 20}),
    ("colazione-benvenuto-dresano", "Colazione di benvenuto per le nuove famiglie", "dresano", "Scuola primaria, salone", "Via Roma 12", 15, "09:00", 90,
     ["attivazione"], ["famiglie", "comunita-locale"], "A.S.S.E.MI", {}),
    ("mercatino-solidale", "Mercatino solidale", "colturano", "Piazza della chiesa", "Piazza Vittorio Emanuele", 17, None, 2,
     ["attivazione"], ["comunita-locale"], "Associazione Piano C", {"tags": ["festa"]}),
    ("concerto-associazioni-locate", "Concerto delle associazioni", "locate-di-triulzi", "Auditorium comunale", "Via Roma 41", 22, "21:00", 120,
     ["attivazione"], ["comunita-locale"], "La Strada", {"status": "cancelled", "status_note": "L'auditorium non è disponibile: il concerto è annullato. Ci scusiamo."}),
    ("passeggiata-naviglio", "Passeggiata di comunità lungo il Naviglio", "zibido-san-giacomo", "Ritrovo davanti al municipio", "Piazza Roma 1", 30, "10:00", 150,
     ["attivazione"], ["comunita-locale", "famiglie"], "Coop. Melograno", {"accessibility_notes": "Percorso pianeggiante, adatto anche a passeggini e carrozzine."}),
    ("open-day-corsi", "Open day dei corsi di formazione", "vizzolo-predabissi", "Centro di formazione", "Via Verdi 5", 36, "15:00", 180,
     ["capacitazione", "occupazione"], ["giovani", "persone-disoccupate"], "AFOL", {}),
    ("rete-antiviolenza-incontro", "La rete antiviolenza incontra la città", "san-giuliano-milanese", "Sala Previato", "Via Cavour 4", 40, "18:00", 120,
     ["inclusione"], ["donne", "donne-vittime-di-violenza"], "Rete antiviolenza del Distretto Sociale Sud Est Milano", {}),
    ("fotografia-giovani", "Laboratorio di fotografia: il mio quartiere", "cusago", "Spazio giovani", "Via Libertà 2", 45, "16:00", 120,
     ["capacitazione", "attivazione"], ["giovani"], "Coop. Stripes", {"online_url": "https://meet.example.org/ciao-fotografia", "tags": ["laboratorio"]}),
    ("job-day-sud-est", "Job day del Sud Est Milano", "san-donato-milanese", "Palazzo comunale, sala conferenze", "Via Cesare Battisti 2", 52, "09:30", 420,
     ["occupazione"], ["persone-disoccupate", "giovani", "imprese"], "A.S.S.E.MI", {"registration": "link", "registration_url": "https://example.org/iscrizioni/job-day"}),
    ("teatro-raccontarsi", "Laboratorio teatrale: raccontarsi per ripartire", "lacchiarella", "Teatro parrocchiale", "Piazza Risorgimento 5", 58, "20:30", 120,
     ["capacitazione", "inclusione"], ["donne"], "Coop. Lotta contro l'Emarginazione", {"tags": ["laboratorio"]}),
    ("risultati-ciao", "Che cosa abbiamo imparato: i risultati di CIAO!", "paullo", "Sala consiliare", "Via Mazzini 28", 65, "17:00", 120,
     ["inclusione", "capacitazione", "attivazione", "occupazione"], ["operatori-dei-servizi", "comunita-locale"], "A.S.S.E.MI", {"online_url": "https://meet.example.org/ciao-risultati"}),
    ("torneo-calcetto", "Torneo di calcetto inclusivo", "noviglio", "Campo sportivo", "Via per Mairano", 70, "15:00", 180,
     ["attivazione", "inclusione"], ["giovani"], "Coop. Eureka", {"status": "postponed", "status_note": "Rinviato per lavori al campo: la nuova data sarà pubblicata qui."}),
    ("primo-soccorso-famiglie", "Primo soccorso per le famiglie", "casarile", "Sala civica", "Via Roma 1", 75, "18:00", 120,
     ["capacitazione"], ["famiglie"], "ASST Melegnano Martesana", {"capacity": 25, "registration": "email", "registration_email": "primosoccorso@example.org"}),
    ("orto-urbano", "Laboratorio di orto urbano", "carpiano", "Orti comunali", "Via dei Campi", 82, "10:00", 150,
     ["attivazione"], ["comunita-locale", "famiglie"], "Coop. Melograno", {"tags": ["laboratorio"]}),
    ("cena-multiculturale", "Cena multiculturale di fine inverno", "vernate", "Oratorio", "Via Roma 3", 88, "19:30", 180,
     ["attivazione", "inclusione"], ["comunita-locale"], "La Strada", {"is_free": False, "price": 8, "cost_notes": "Bambini gratis."}),
]

# Repeats: (slug, title, comune, venue, address, (days from today, then the next weekday 0=Monday),
#           "HH:MM", minutes, frequency, weeks until, themes, audience, organiser, extra)
REPEATING = [
    ("sartoria-sociale", "Laboratorio settimanale di sartoria sociale", "trezzano-sul-naviglio", "Laboratorio di quartiere", "Via Morandi 10",
     (-60, 1), "17:30", 120, Frequency.WEEKLY, 20, ["capacitazione", "inclusione"], ["donne"], "Coop. Praticare il Futuro", {"tags": ["laboratorio", "sartoria"]}),
    ("italiano-per-donne", "Gruppo di conversazione in italiano per donne", "rozzano", "Biblioteca civica", "Piazza Foglia 1",
     (-40, 3), "10:00", 120, Frequency.WEEKLY, 18, ["inclusione"], ["donne"], "Associazione Piano C", {"tags": ["lingua italiana"]}),
    ("sportello-orientamento-melegnano", "Sportello di orientamento al lavoro", "melegnano", "Informagiovani", "Piazza Risorgimento 3",
     (-90, 0), "14:00", 180, Frequency.MONTHLY_WEEKDAY, 26, ["occupazione"], ["persone-disoccupate", "giovani"], "AFOL", {}),
]

DESCRIPTION = (
    "<p>{title}: un appuntamento aperto, promosso nell'ambito di CIAO! – Capacitazione, Inclusione, "
    "Attivazione e Occupazione.</p><p>Non servono competenze particolari: si parte da quello che ciascuno "
    "sa fare. Operatrici e operatori del progetto sono presenti per rispondere alle domande.</p>"
)


def _vocab():
    return (
        {c.slug: c for c in Comune.objects.all()},
        {t.slug: t for t in Theme.objects.all()},
        {t.slug: t for t in TargetGroup.objects.all()},
        {o.name: o for o in Organisation.objects.all()},
    )


def _times(day, hhmm, length):
    if hhmm is None:
        start = datetime.combine(day, time(0), ROME)
        return start, datetime.combine(day + timedelta(days=length - 1), time(0), ROME), True
    start = datetime.combine(day, time.fromisoformat(hhmm), ROME)
    return start, start + timedelta(minutes=length), False


def _create(index, vocab, slug, title, comune, venue, address, day, hhmm, length, themes, audience, organiser, extra):
    comuni, theme_map, audience_map, organisations = vocab
    start, end, all_day = _times(day, hhmm, length)
    extra = dict(extra)
    tags = extra.pop("tags", [])
    exception_dates = extra.pop("exception_dates", [])
    fields = {
        "summary": extra.pop("summary", f"{title}. Un appuntamento di CIAO! aperto a chi vuole partecipare."),
        "description": DESCRIPTION.format(title=title),
        "start": start, "end": end, "all_day": all_day,
        "comune": comuni.get(comune), "venue": venue, "address": address,
        "themes": [theme_map[s] for s in themes], "audience": [audience_map[s] for s in audience],
        "organiser": organisations.get(organiser),
        "contact_email": "eventi@example.org",
        "exception_dates": [EventPageExceptionDate(date=d) for d in exception_dates],
        **extra,
    }
    page, created = ensure_child(index, EventPage, title=title, slug=slug, **fields)
    if created and tags:
        page.tags.add(*tags)
        page.save_revision(log_action=False).publish(log_action=False)
    return created


def seed(demo):
    index, created = ensure_child(
        demo.home,
        EventIndexPage,
        title="Eventi",
        slug="eventi",
        show_in_menus=True,
        intro="<p>Incontri, laboratori e feste aperte alla comunità nei comuni del Sud Est Milano, "
              "del Visconteo, del Corsichese e a Paullo.</p>",
        search_description="Gli eventi di CIAO! nei comuni del Sud Est Milano: laboratori, incontri, feste.",
    )
    if created:
        demo.log("  + elenco «Eventi»")
    today = timezone.localdate()
    vocab = _vocab()
    made = 0
    for slug, title, comune, venue, address, offset, hhmm, length, themes, audience, organiser, extra in EVENTS:
        made += _create(index, vocab, slug, title, comune, venue, address, today + timedelta(days=offset),
                        hhmm, length, themes, audience, organiser, extra)
    for (slug, title, comune, venue, address, (offset, weekday), hhmm, length, frequency, weeks, themes, audience,
         organiser, extra) in REPEATING:
        first = today + timedelta(days=offset)
        first += timedelta(days=(weekday - first.weekday()) % 7)
        until = first + timedelta(weeks=weeks)
        extra = {"repeat_frequency": frequency, "repeat_until": until, **extra}
        if frequency == Frequency.WEEKLY:
            # A break: the occurrence about five weeks from today does not take place.
            extra["exception_dates"] = [first + timedelta(weeks=((today - first).days // 7) + 5)]
        made += _create(index, vocab, slug, title, comune, venue, address, first, hhmm, length,
                        themes, audience, organiser, extra)
    if made:
        demo.log(f"  + {made} eventi")
    _seed_pending_proposal(index, today)


def _seed_pending_proposal(index, today):
    """A citizen's proposal waiting in the redazione's review queue."""
    from django.test import override_settings

    if index.get_children().filter(slug="merenda-condivisa-opera").exists():
        return
    day = today + timedelta(days=20)
    # Wagtail tells the redazione about the submission by e-mail; the demo keeps quiet.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        _propose(index, day)


def _propose(index, day):
    from .proposals import create_proposal

    create_proposal(index, {
        "title": "Merenda condivisa al parco",
        "description_html": "<p>Una merenda in cui ognuno porta qualcosa della propria tradizione. "
                            "Ci saranno giochi per bambini e un angolo per scambiarsi libri.</p>",
        "start": datetime.combine(day, time(16, 0), ROME),
        "end": datetime.combine(day, time(18, 30), ROME),
        "comune": Comune.objects.get(slug="opera"), "venue": "Parco comunale", "address": "",
        "online_url": "", "is_free": True, "organiser_name": "Genitori della scuola di via Piave",
        "audience": list(TargetGroup.objects.filter(slug__in=["famiglie", "comunita-locale"])),
        "name": "Giulia Esempio", "email": "giulia@example.org", "phone": "", "message": "",
    }, timezone.now(), slug="merenda-condivisa-opera")
