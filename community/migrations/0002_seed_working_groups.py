"""The programme's governance as working groups (seed: "Governance", "Attività"); editable afterwards."""

from django.db import migrations

GROUPS = [
    # slug, name, kind, summary
    (
        "cabina-di-regia",
        "Cabina di Regia",
        "cabina",
        "La gestione strategica del progetto: l'ente capofila A.S.S.E.MI e i referenti dei partner.",
    ),
    (
        "coordinamento-operativo",
        "Gruppo di coordinamento operativo",
        "coordinamento",
        "Tiene insieme i livelli di attività del progetto e ne definisce il piano di realizzazione.",
    ),
    (
        "emersione-e-scouting",
        "Comunità di pratica: emersione e scouting",
        "comunita",
        "Intercettare le persone che i servizi non raggiungono e orientarle verso il progetto.",
    ),
    (
        "equipe-e-assessment",
        "Comunità di pratica: équipe, accoglienza e assessment",
        "comunita",
        "Accoglienza, valutazione di bisogni, risorse e talenti, progetto personalizzato.",
    ),
    (
        "laboratori-e-capacitazione",
        "Comunità di pratica: corsi, laboratori e capacitazione",
        "comunita",
        "Corsi di formazione, laboratori e gruppi di capacitazione per donne e giovani.",
    ),
    (
        "tirocini-e-lavoro",
        "Comunità di pratica: tirocini e lavoro",
        "comunita",
        "Ricerca di realtà ospitanti, tirocini di inclusione, stage formativi e occupazione.",
    ),
    (
        "attivazione-della-comunita",
        "Comunità di pratica: attivazione della comunità",
        "comunita",
        "Attività ed eventi che rendono il tessuto sociale accogliente.",
    ),
    (
        "comunicazione-monitoraggio-valutazione",
        "Comunità di pratica: comunicazione, monitoraggio e valutazione",
        "comunita",
        "Le azioni trasversali: raccontare il progetto, seguirne i numeri, valutarne gli esiti.",
    ),
]


def auth_group_name(name):
    return f"Gruppo di lavoro: {name}"[:150]


def seed(apps, schema_editor):
    WorkingGroup = apps.get_model("community", "WorkingGroup")
    Group = apps.get_model("auth", "Group")
    for order, (slug, name, kind, summary) in enumerate(GROUPS):
        if WorkingGroup.objects.filter(slug=slug).exists():
            continue
        auth_group, _created = Group.objects.get_or_create(name=auth_group_name(name))
        WorkingGroup.objects.create(
            slug=slug, name=name, kind=kind, summary=summary, sort_order=order, auth_group=auth_group
        )


def unseed(apps, schema_editor):
    WorkingGroup = apps.get_model("community", "WorkingGroup")
    Group = apps.get_model("auth", "Group")
    for slug, name, _kind, _summary in GROUPS:
        WorkingGroup.objects.filter(slug=slug).delete()
        Group.objects.filter(name=auth_group_name(name)).delete()


class Migration(migrations.Migration):
    dependencies = [("community", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
