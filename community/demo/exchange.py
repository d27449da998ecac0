"""Demo adoptions between the ambiti (most published, one waiting for the redazione) and questions
to practices and materials, some answered and made public.

Idempotent: an adoption by its practice and adopting ambito, a question by its page and text.
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from ciao.models import Ambito, Organisation, TargetGroup
from community.models import Adoption, AdoptionIndicator, Answer, Member, Question
from practices.models import PracticePage
from resources.models import ResourcePage

# (practice slug, adopting ambito slug, organisation slug, kind, since, status, changes, reasons, targets,
#  outcome, indicators)
ADOPTIONS = [
    (
        "tirocini-di-inclusione-nelle-imprese",
        "corsichese",
        "ufficio-di-piano-ambito-corsichese",
        Adoption.Kind.ADAPTED,
        date(2024, 2, 1),
        Adoption.Status.PUBLISHED,
        "Abbiamo coinvolto le imprese della logistica di Assago invece delle botteghe artigiane, e accorciato "
        "il tirocinio da sei a quattro mesi.",
        "Nel nostro ambito le aziende che assumono sono soprattutto magazzini e piattaforme logistiche, "
        "con turni che richiedono un periodo di prova più breve.",
        ["giovani", "donne"],
        "Undici persone su diciotto hanno avuto un contratto alla fine del tirocinio. Il tutor d'impresa "
        "è stato decisivo: le aziende lo chiedono anche per i nuovi assunti.",
        [("Tirocini avviati", "18", "tirocini", 2024), ("Contratti alla fine del tirocinio", "11", "persone", 2024)],
    ),
    (
        "tirocini-di-inclusione-nelle-imprese",
        "paullese",
        "comune-di-paullo",
        Adoption.Kind.ADOPTED,
        date(2024, 9, 16),
        Adoption.Status.PUBLISHED,
        "Nulla nei passi: abbiamo usato la stessa convenzione e lo stesso patto formativo.",
        "Paullo è servito da A.S.S.E.MI.: riprendere gli stessi strumenti ha evitato un secondo percorso.",
        ["famiglie"],
        "Sei tirocini avviati nel primo anno con le imprese della zona industriale.",
        [("Tirocini avviati", "6", "tirocini", 2025)],
    ),
    (
        "spazio-donne-corsico",
        "sud-est-milano",
        "assemi",
        Adoption.Kind.ADAPTED,
        date(2023, 10, 2),
        Adoption.Status.PUBLISHED,
        "Lo spazio è itinerante: due pomeriggi a settimana, a turno nei comuni più piccoli dell'ambito.",
        "Nei comuni piccoli mancava una sede e le donne non potevano spostarsi fino a San Giuliano.",
        ["donne"],
        "Quaranta donne hanno frequentato lo spazio; un terzo ha poi cominciato un corso o un tirocinio.",
        [("Donne accolte", "40", "persone", 2024)],
    ),
    (
        "italiano-per-il-lavoro-paullo",
        "corsichese",
        "ufficio-di-piano-ambito-corsichese",
        Adoption.Kind.ADAPTED,
        date(2024, 3, 4),
        Adoption.Status.PUBLISHED,
        "Abbiamo aggiunto un modulo sul lessico della sicurezza sul lavoro, chiesto dalle imprese.",
        "Molti corsisti cercavano lavoro nei cantieri e nei magazzini.",
        ["giovani"],
        "Venticinque corsisti, diciannove hanno ottenuto l'attestato A2.",
        [("Corsisti", "25", "persone", 2024), ("Ore di corso", "60", "ore", 2024)],
    ),
    (
        "bilancio-di-competenze-per-donne",
        "visconteo-sud-milano",
        "ufficio-di-piano-ambito-visconteo-sud-milano",
        Adoption.Kind.ADAPTED,
        date(2025, 1, 13),
        Adoption.Status.IN_REVIEW,
        "Il bilancio si fa in gruppo, non solo nei colloqui individuali.",
        "Le operatrici erano poche e le richieste molte.",
        ["donne"],
        "Il primo gruppo si è concluso a marzo; stiamo raccogliendo i questionari.",
        [],
    ),
]

# (page model, page slug, asker username, question, answer or "", public)
QUESTIONS = [
    (
        PracticePage,
        "tirocini-di-inclusione-nelle-imprese",
        "membro",
        "Come avete trovato le prime imprese disponibili ad ospitare i tirocini? Avete usato un avviso pubblico?",
        "Niente avviso: le prime dieci imprese sono arrivate dalle colazioni di lavoro con l'associazione dei "
        "commercianti. Il modello di convenzione è tra gli allegati, vedi anche https://www.assemi.it",
        True,
    ),
    (
        PracticePage,
        "tirocini-di-inclusione-nelle-imprese",
        "membro",
        "L'indennità di tirocinio la paga l'impresa o il progetto?",
        "Il progetto per i primi tre mesi, poi l'impresa. È scritto nel patto formativo.",
        True,
    ),
    (
        PracticePage,
        "spazio-donne-corsico",
        "membro",
        "Avete un servizio di custodia dei bambini durante gli incontri?",
        "",
        False,
    ),
    (
        ResourcePage,
        "primo-colloquio-accoglienza",
        "operatrice",
        "La traccia del colloquio è disponibile anche in inglese o francese?",
        "Non ancora: la stiamo traducendo con il CPIA, la aggiungeremo ai file entro l'estate.",
        True,
    ),
]


def seed_exchange(demo):
    adopted = sum(_ensure_adoption(demo, *row) for row in ADOPTIONS)
    asked = sum(_ensure_question(demo, *row) for row in QUESTIONS)
    if adopted or asked:
        demo.log(f"Comunità di pratica: {adopted} adozioni e {asked} domande dimostrative.")


def _member_in(ambito):
    return Member.objects.filter(ambito=ambito, user__is_active=True).order_by("pk").first()


def _ensure_adoption(
    demo, slug, ambito_slug, organisation_slug, kind, since, status, changes, reasons, targets, outcome, indicators
):
    practice = PracticePage.objects.filter(slug=slug).first()
    ambito = Ambito.objects.filter(slug=ambito_slug).first()
    if practice is None or ambito is None or Adoption.objects.filter(practice=practice, ambito=ambito).exists():
        return 0
    member = demo_member(demo, "membro") if status == Adoption.Status.IN_REVIEW else _member_in(ambito)
    adoption = Adoption.objects.create(
        practice=practice,
        ambito=ambito,
        organisation=Organisation.objects.filter(slug=organisation_slug).first(),
        kind=kind,
        adopted_on=since,
        status=status,
        changes=changes,
        reasons=reasons,
        outcome=outcome,
        contact=member,
        submitted_by=member,
        reviewed_by=demo.users.get("redazione") if status == Adoption.Status.PUBLISHED else None,
        reviewed_at=timezone.now() if status == Adoption.Status.PUBLISHED else None,
    )
    adoption.target_groups.set(TargetGroup.objects.filter(slug__in=targets))
    for order, (name, value, unit, year) in enumerate(indicators):
        AdoptionIndicator.objects.create(
            adoption=adoption, sort_order=order, name=name, value=Decimal(value), unit=unit, year=year
        )
    return 1


def demo_member(demo, username):
    user = demo.users.get(username)
    return Member.objects.filter(user=user).first() if user else None


def _ensure_question(demo, model, slug, asker, text, answer, public):
    page = model.objects.filter(slug=slug).first()
    if page is None or Question.objects.filter(page=page, text=text).exists():
        return 0
    question = Question.objects.create(page=page, asker=demo_member(demo, asker), text=text, is_public=public)
    if answer:
        Answer.objects.create(question=question, author=page.owner, text=answer, by_redazione=False)
    return 1
