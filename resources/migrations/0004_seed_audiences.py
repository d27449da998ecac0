"""The audiences of training materials, named in the programme's design."""

from django.db import migrations

AUDIENCES = [
    ("Operatori", "operatori", "Operatrici e operatori dei servizi sociali e del terzo settore."),
    ("Formatori", "formatori", "Chi conduce corsi, laboratori e gruppi di capacitazione."),
    ("Cittadini", "cittadini", "Cittadine e cittadini, anche in percorsi di accompagnamento."),
    ("Volontari", "volontari", "Volontarie e volontari delle associazioni del territorio."),
]


def seed(apps, schema_editor):
    Audience = apps.get_model("resources", "Audience")
    for order, (name, slug, description) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


def unseed(apps, schema_editor):
    Audience = apps.get_model("resources", "Audience")
    Audience.objects.filter(slug__in=[slug for _name, slug, _description in AUDIENCES]).delete()


class Migration(migrations.Migration):
    dependencies = [("resources", "0003_material_record")]

    operations = [migrations.RunPython(seed, unseed)]
