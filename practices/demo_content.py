from ciao.demo import ensure_child

from .models import PracticeIndexPage


def seed(demo):
    index, created = ensure_child(
        demo.home,
        PracticeIndexPage,
        title="Buone pratiche",
        slug="buone-pratiche",
        show_in_menus=True,
        intro="<p>Le esperienze degli ambiti di CIAO!, raccontate da chi le ha realizzate.</p>",
    )
    if created:
        demo.log("  + elenco «Buone pratiche»")
