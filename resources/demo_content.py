from ciao.demo import ensure_child

from .models import ResourceIndexPage


def seed(demo):
    index, created = ensure_child(
        demo.home,
        ResourceIndexPage,
        title="Materiali formativi",
        slug="materiali",
        show_in_menus=True,
        intro="<p>Dispense, schede di attività e strumenti dei corsi e dei laboratori.</p>",
    )
    if created:
        demo.log("  + elenco «Materiali formativi»")
