"""The site's own demo content: home page, standard pages, settings, demo users."""

import json
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Site

from ciao.models import DossierIndexPage, DossierPage, HomePage, SiteSettings, StandardPage, Theme
from ciao.roles import FORMATORI, OPERATORI, REDAZIONE

from .base import ensure_child
from .texts import DOSSIERS, HOME, STANDARD_PAGES

DEMO_PASSWORD = "ciao-demo-2020"  # noqa: S105 - public on purpose (README); production refuses it
# A partner of the community of practice: no editorial group (community/demo gives the profile).
NO_ROLE = ""
DEMO_USERS = [
    # username, first name, last name, group (None: superuser)
    ("admin", "Amministratore", "Demo", None),
    ("redazione", "Rita", "Redazione", REDAZIONE),
    ("operatrice", "Olga", "Operatrice", OPERATORI),
    ("formatore", "Franco", "Formatore", FORMATORI),
    ("membro", "Marta", "Membro", NO_ROLE),
]


def ensure_home_page():
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title=HOME["title"],
            slug="ciao",
            hero_title=HOME["hero_title"],
            hero_text=HOME["hero_text"],
            intro=HOME["intro"],
            seo_title=HOME["seo_title"],
            search_description=HOME["search_description"],
        )
        root.add_child(instance=home)
        home.save_revision(log_action=False).publish(log_action=False)
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if settings.EMBEDDED and site.hostname == "localhost" and site.port == 80:
        # Canonical links and the sitemap should name the address `make run` serves.
        site.hostname, site.port = "127.0.0.1", int(os.environ.get("PORT", "8000"))
        site.save()
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "CIAO! Comunità di pratica"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page has no place here.
        if type(old_root.specific) is Page and not old_root.get_children().exists():
            old_root.delete()
    return home, site


def ensure_users(stdout):
    if not settings.EMBEDDED:
        stdout.write("Production mode: no demo users created.")
        return {}
    User = get_user_model()
    users = {}
    for username, first, last, group_name in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
                "is_staff": group_name is None,
                "is_superuser": group_name is None,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users


def seed_site(demo):
    home = demo.home
    pages = {}
    for data in STANDARD_PAGES:
        parent = pages[data["parent"]] if "parent" in data else home
        page, created = ensure_child(
            parent,
            StandardPage,
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            body=json.dumps(data["body"]),
            show_in_menus=data.get("in_menu", False),
            search_description=data["intro"][:250],
        )
        pages[data["slug"]] = page
        if created:
            demo.log(f"  + pagina «{page.title}»")

    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    if not site_settings.email:
        site_settings.organisation_name = "A.S.S.E.MI. – Azienda Sociale Sud Est Milano"
        site_settings.email = "comunitadipratica@example.org"
        site_settings.phone = "02 0000 0000"
        site_settings.opening_hours = "Dal lunedì al venerdì, 9.00–13.00"
        site_settings.footer_note = (
            "CIAO! – Capacitazione, Inclusione, Attivazione e Occupazione è un progetto di "
            "intervento territoriale integrato con Città Metropolitana di Milano."
        )
    site_settings.accessibility_page = site_settings.accessibility_page or pages.get("accessibilita")
    site_settings.privacy_page = site_settings.privacy_page or pages.get("privacy")
    site_settings.save()
    return pages


def seed_dossiers(demo):
    """Dossiers link what the apps seeded, so this runs after them (a deferred step)."""
    index, _ = ensure_child(
        demo.home,
        DossierIndexPage,
        title="Dossier tematici",
        slug="dossier",
        show_in_menus=True,
        intro="<p>Percorsi di lettura curati dalla redazione intorno a un tema.</p>",
    )
    content_pages = (
        Page.objects.live()
        .public()
        .not_type(HomePage, StandardPage, DossierIndexPage, DossierPage)
        .exclude(depth__lte=3)
    )
    for data in DOSSIERS:
        if index.get_children().filter(slug=data["slug"]).exists():
            continue
        linked = list(content_pages.filter(title__iregex=data["title_pattern"]).order_by("path")[:6])
        body = [{"type": "commentary", "value": data["commentary"]}]
        if linked:
            body.append({"type": "linked_pages", "value": {"heading": data["group"], "pages": [p.pk for p in linked]}})
        ensure_child(
            index,
            DossierPage,
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            theme=Theme.objects.filter(name=data["theme"]).first(),
            featured_on_home=True,
            body=json.dumps(body),
        )
        demo.log(f"  + dossier «{data['title']}» ({len(linked)} contenuti)")
