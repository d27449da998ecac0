"""Load a site of the real page types, fast: practices, materials and events.

``seed_demo`` makes the site (home page, standard pages, the three index pages,
the vocabularies and the demo content); then ``load_real_pages`` adds thousands
of live practices, materials and events under the demo's own index pages, so
that their real URLs (``/buone-pratiche/<slug>/``, ``/materiali/...``,
``/eventi/...``) resolve as on the site.

``add_child`` and revisions would take many minutes for 20,000 pages, so rows
are inserted in bulk, as ``pages.py`` does for StandardPages: the ``Page`` rows
(tree paths built here) through ``bulk_create``, each type's own table with one
``executemany`` whose values Django's fields prepare, and the relations (steps,
indicators, files, many-to-many and tag rows) through ``bulk_create``. What the
models' ``save()`` derives (a practice's status and start year, an event's
RRULE, last end, ambito and calendar fingerprint) is computed with the models'
own methods, so a loaded page reads as one an editor published.

The texts come from ``corpus.py``: the same seed gives the same site.
"""

import datetime
import random
from decimal import Decimal
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page

from .corpus import ADJECTIVES, NOUNS, Corpus

# The mix for 20,000 pages: 8,000 practices, 6,000 materials, 6,000 events.
SHARES = (("practices", 0.4), ("materials", 0.3), ("events", 0.3))
STEP = 4  # treebeard's path step length for Wagtail's Page
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
TAG_COUNT = 400
INDICATORS = [
    ("Persone accolte", "persone"),
    ("Tirocini avviati", "tirocini"),
    ("Imprese coinvolte", "imprese"),
    ("Ore di formazione", "ore"),
    ("Famiglie raggiunte", "famiglie"),
    ("Volontari attivi", "volontari"),
]
VENUES = [
    "Biblioteca civica",
    "Centro civico",
    "Sala consiliare",
    "Spazio comunità",
    "Oratorio",
    "Casa delle associazioni",
]
STREETS = ["Via Roma", "Via Garibaldi", "Piazza della Repubblica", "Via Mazzini", "Via Dante", "Via Verdi"]
DURATIONS = ["2 ore", "Mezza giornata", "4 incontri da 90 minuti", "Un giorno", "6 ore"]
AUTHORS = ["Chiara Bassi", "Marco Ferri", "Laura Conti", "Paolo Riva", "Elena Sala", "Luca Galli"]


def seed_site():
    """The demo site without its search index (the benchmark builds that once, at the end)."""
    call_command("seed_demo", "--skip-index", stdout=StringIO())


def split(size):
    """{kind: count} for ``size`` pages, in the issue's proportions."""
    counts = {kind: int(size * share) for kind, share in SHARES}
    counts["practices"] += size - sum(counts.values())
    return counts


def _step(number):
    digits = ""
    for _ in range(STEP):
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits


def _last_step(parent):
    """The number of the parent's last child in the tree (0 if none): new children come after it."""
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    return int(last[-STEP:], len(ALPHABET)) if last else 0


def _paragraphs(texts):
    return "".join(f"<p>{escape(t)}</p>" for t in texts)


def _bullets(items):
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _slug(title, number):
    # The corpus numbers its titles; a long title cut to length would lose the number.
    return f"{slugify(title.rsplit(' (', 1)[0])[:60].strip('-')}-{number}"


def _words(text, limit):
    """At most ``limit`` characters of ``text``, cut at a word."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "."


class Vocabularies:
    """What the demo seeded (ambiti, comuni, themes...), and the benchmark's tags."""

    def __init__(self, rng):
        from ciao.models import Ambito, Comune, Organisation, TargetGroup, Theme
        from resources.models import Audience

        self.ambiti = list(Ambito.objects.order_by("pk"))
        self.comuni_by_ambito = {a.pk: list(Comune.objects.filter(ambito=a).order_by("pk")) for a in self.ambiti}
        self.comuni = [c for a in self.ambiti for c in self.comuni_by_ambito[a.pk]]
        self.organisations = list(Organisation.objects.order_by("pk"))
        self.themes = list(Theme.objects.order_by("pk"))
        self.target_groups = list(TargetGroup.objects.order_by("pk"))
        self.audiences = list(Audience.objects.order_by("pk"))
        self.tags = self._tags(rng)
        # A few tags are on many pages, most on few, as editors' tags are.
        self.tag_weights = [1.0 / (rank + 3) for rank in range(len(self.tags))]

    @staticmethod
    def _tags(rng):
        names = [plural for _singular, plural in NOUNS]
        while len(names) < TAG_COUNT:
            noun = rng.choice(NOUNS)[1]
            adjective = rng.choice(ADJECTIVES)[2]
            names.append(f"{noun} {adjective}")
        names = list(dict.fromkeys(names))[:TAG_COUNT]
        # get_or_create: a few hundred tags, and taggit makes their unique slugs.
        return [Tag.objects.get_or_create(name=name)[0] for name in names]

    def pick_tags(self, rng, low, high):
        return list(
            {t.pk: t for t in rng.choices(self.tags, weights=self.tag_weights, k=rng.randint(low, high))}.values()
        )


class Loader:
    """Adds live pages of one type under one index page, in bulk."""

    def __init__(self, model, parent, owner, locale):
        self.model = model
        self.parent = parent
        self.owner = owner
        self.locale = locale
        self.next_step = _last_step(parent) + 1
        self.pages = []  # the specific instances, unsaved until insert()
        self.relations = []  # (page, callable(page_pk) -> list of unsaved rows)

    def add(self, page, published, relations=()):
        step = self.next_step + len(self.pages)
        page.path = self.parent.path + _step(step)
        page.depth = self.parent.depth + 1
        page.numchild = 0
        page.url_path = f"{self.parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale = self.locale
        page.owner = self.owner
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published
        self.pages.append(page)
        self.relations.append(relations)

    def insert(self):
        page_fields = [f.attname for f in Page._meta.concrete_fields]
        rows = [Page(**{name: getattr(page, name) for name in page_fields}) for page in self.pages]
        created = Page.objects.bulk_create(rows, batch_size=500)
        for page, row in zip(self.pages, created, strict=True):
            page.pk = page.id = row.pk
        # The type's own table: every column as Django's field prepares it for the database.
        fields = self.model._meta.local_concrete_fields
        table = connection.ops.quote_name(self.model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        values = [[f.get_db_prep_save(f.pre_save(page, True), connection) for f in fields] for page in self.pages]
        with connection.cursor() as cursor:
            for start in range(0, len(values), 1000):
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values[start : start + 1000])  # noqa: S608 - quoted model names
        by_model = {}
        for page, relations in zip(self.pages, self.relations, strict=True):
            for make in relations:
                for row in make(page.pk):
                    by_model.setdefault(type(row), []).append(row)
        for model, related_rows in by_model.items():
            model.objects.bulk_create(related_rows, batch_size=1000)
        Page.objects.filter(pk=self.parent.pk).update(numchild=F("numchild") + len(self.pages))
        return [page.pk for page in self.pages]


def m2m(model, name, values):
    """The through rows of ``model.name`` (a ParentalManyToManyField) linking a page to ``values``."""
    field = model._meta.get_field(name)
    through = field.remote_field.through
    source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    return lambda pk: [through(**{source: pk, target: v.pk}) for v in values]


def tag_rows(model, tags):
    through = model._meta.get_field("tags").through
    return lambda pk: [through(content_object_id=pk, tag_id=t.pk) for t in tags]


def _published(rng, now):
    # Spread over five years, so the "anno" facet and "newest first" have something to sort.
    return now - datetime.timedelta(minutes=rng.randint(60, 5 * 365 * 24 * 60))


def load_practices(loader, vocab, corpus, numbers, now):
    from practices.models import PracticeIndicator, PracticePage, PracticeStep, derive_status

    for number in numbers:
        rng = random.Random(f"practice-{number}")
        text = corpus.page(number)
        ambito = rng.choice(vocab.ambiti)
        comuni = rng.sample(
            vocab.comuni_by_ambito[ambito.pk], min(rng.randint(1, 3), len(vocab.comuni_by_ambito[ambito.pk]))
        )
        start = datetime.date(rng.randint(2016, 2025), rng.randint(1, 12), 1)
        end = None if rng.random() < 0.6 else min(start + datetime.timedelta(days=rng.randint(180, 900)), now.date())
        paragraphs = [t for _h, t in text.paragraphs]
        headings = [h for h, _t in text.paragraphs]
        page = PracticePage(
            title=text.title,
            slug=_slug(text.title, number),
            summary=_words(text.intro, 790),
            search_description=_words(text.intro, 250),
            ambito=ambito,
            start_date=start,
            end_date=end,
            status=derive_status(end),
            start_year=start.year,
            lead_organisation=rng.choice(vocab.organisations),
            contact_name=rng.choice(AUTHORS),
            contact_email="buonepratiche@example.org",
            contact_phone="02 0000 0000",
            context=_paragraphs(paragraphs[:1]),
            objectives=_bullets(headings),
            staff=f"{rng.randint(1, 5)} educatrici, {rng.randint(4, 20)} ore a settimana",
            budget=Decimal(rng.randint(5, 200) * 1000),
            funding_source=rng.choice(
                ["Fondo sociale europeo", "Regione Lombardia", "Fondazione Cariplo", "Comuni dell'ambito"]
            ),
            results=_paragraphs(paragraphs[1:2]),
            evidence=_paragraphs(paragraphs[2:3]),
            lessons_learnt=_paragraphs(paragraphs[3:4]),
            transferability=_paragraphs(paragraphs[4:]),
        )
        indicators = rng.sample(INDICATORS, rng.randint(1, 3))
        relations = [
            m2m(PracticePage, "comuni", comuni),
            m2m(PracticePage, "themes", rng.sample(vocab.themes, rng.randint(1, 2))),
            m2m(PracticePage, "target_groups", rng.sample(vocab.target_groups, rng.randint(1, 3))),
            m2m(PracticePage, "partner_organisations", rng.sample(vocab.organisations, rng.randint(0, 2))),
            tag_rows(PracticePage, vocab.pick_tags(rng, 1, 4)),
            lambda pk, text=text: [
                PracticeStep(practice_id=pk, sort_order=i, title=_words(h, 190), description=_words(t, 1990))
                for i, (h, t) in enumerate(text.paragraphs[:4])
            ],
            lambda pk, indicators=indicators, rng=rng: [
                PracticeIndicator(
                    practice_id=pk,
                    sort_order=i,
                    name=name,
                    value=Decimal(rng.randint(5, 500)),
                    unit=unit,
                    year=rng.randint(2018, 2025),
                )
                for i, (name, unit) in enumerate(indicators)
            ],
        ]
        loader.add(page, _published(rng, now), relations)


def load_materials(loader, vocab, corpus, numbers, now, documents):
    from resources.choices import LICENCE_CHOICES, Kind, Level
    from resources.models import ResourceFile, ResourcePage

    licences = [code for code, _name in LICENCE_CHOICES]
    for n, number in enumerate(numbers):
        rng = random.Random(f"material-{number}")
        text = corpus.page(number)
        page = ResourcePage(
            title=text.title,
            slug=_slug(text.title, number),
            summary=_words(text.intro, 790),
            search_description=_words(text.intro, 250),
            kind=rng.choice(Kind.values),
            body=_paragraphs(t for _h, t in text.paragraphs),
            learning_objectives=_bullets(h for h, _t in text.paragraphs[:3]),
            duration=rng.choice(DURATIONS),
            level=rng.choice(Level.values + [""]),
            language="it" if rng.random() < 0.9 else rng.choice(["en", "fr", "ar"]),
            licence=rng.choice(licences),
            authors=", ".join(rng.sample(AUTHORS, rng.randint(1, 2))),
            organisation=rng.choice(vocab.organisations),
            revised_on=(now - datetime.timedelta(days=rng.randint(0, 2000))).date() if rng.random() < 0.7 else None,
        )
        relations = [
            m2m(ResourcePage, "audiences", rng.sample(vocab.audiences, rng.randint(1, 2))),
            m2m(ResourcePage, "themes", rng.sample(vocab.themes, rng.randint(1, 2))),
            tag_rows(ResourcePage, vocab.pick_tags(rng, 1, 3)),
        ]
        # One material in five carries a file: a demo document, already public through a demo material.
        if documents and n % 5 == 0:
            document = documents[n // 5 % len(documents)]
            relations.append(lambda pk, document=document: [ResourceFile(page_id=pk, sort_order=0, document=document)])
        loader.add(page, _published(rng, now), relations)


def load_events(loader, vocab, corpus, numbers, now):
    from events.models import EventPage
    from events.recurrence import ROME, Frequency

    today = timezone.localdate(now)
    for number in numbers:
        rng = random.Random(f"event-{number}")
        text = corpus.page(number)
        day = today + datetime.timedelta(days=rng.randint(-365, 365))
        start = datetime.datetime.combine(day, datetime.time(rng.randint(9, 20), rng.choice([0, 30])), ROME)
        comune = rng.choice(vocab.comuni)
        fields = {}
        roll = rng.random()
        # Weekly laboratori and monthly meetings, as in the demo: the listing expands their dates.
        if roll < 0.15:
            fields = {
                "repeat_frequency": Frequency.WEEKLY,
                "repeat_until": day + datetime.timedelta(weeks=rng.randint(4, 12)),
            }
        elif roll < 0.2:
            fields = {
                "repeat_frequency": Frequency.MONTHLY_WEEKDAY,
                "repeat_until": day + datetime.timedelta(days=30 * rng.randint(3, 6)),
            }
        is_free = rng.random() < 0.8
        page = EventPage(
            title=text.title,
            slug=_slug(text.title, number),
            summary=_words(text.intro, 270),  # room for an edit: at most 300
            search_description=_words(text.intro, 250),
            description=_paragraphs(t for _h, t in text.paragraphs[:3]),
            start=start,
            end=start + datetime.timedelta(minutes=rng.choice([60, 90, 120, 180])),
            comune=comune,
            venue=rng.choice(VENUES),
            address=f"{rng.choice(STREETS)} {rng.randint(1, 80)}",
            organiser=rng.choice(vocab.organisations),
            is_free=is_free,
            price=None if is_free else Decimal(rng.choice([5, 10, 15, 20])),
            contact_email="eventi@example.org",
            exception_dates=[],
            **fields,
        )
        # What EventPage.save() derives: RRULE, last end, ambito, attendance, calendar fingerprint.
        page.update_derived_fields()
        page.ical_fingerprint = page.calendar_fingerprint()
        relations = [
            m2m(EventPage, "audience", rng.sample(vocab.target_groups, rng.randint(1, 2))),
            m2m(EventPage, "themes", rng.sample(vocab.themes, rng.randint(1, 2))),
            tag_rows(EventPage, vocab.pick_tags(rng, 0, 2)),
        ]
        # Announced some days or weeks ahead, as events are.
        loader.add(page, min(start, now) - datetime.timedelta(days=rng.randint(5, 60)), relations)


def load_real_pages(size, corpus=None):
    """Add ``size`` live pages (see ``split``) under the demo site's index pages.

    Returns {kind: [page ids]}. Call after ``seed_site``.
    """
    from events.models import EventIndexPage, EventPage
    from practices.models import PracticeIndexPage, PracticePage
    from resources.models import ResourceDocument, ResourceIndexPage, ResourcePage

    corpus = corpus or Corpus()
    now = timezone.now()
    counts = split(size)
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["operatrice", "formatore"])}
    locale = Locale.get_default()
    with transaction.atomic():
        vocab = Vocabularies(random.Random(2020))
        loaders = {
            "practices": Loader(PracticePage, PracticeIndexPage.objects.get(), users.get("operatrice"), locale),
            "materials": Loader(ResourcePage, ResourceIndexPage.objects.get(), users.get("formatore"), locale),
            "events": Loader(EventPage, EventIndexPage.objects.get(), users.get("operatrice"), locale),
        }
        # Corpus page numbers: one range per type, so no two pages share a text.
        first = 0
        numbers = {}
        for kind, _share in SHARES:
            numbers[kind] = range(first, first + counts[kind])
            first += counts[kind]
        # Only documents a live public material already uses: a private material's files stay private.
        public = ResourcePage.objects.live().public()
        documents = list(ResourceDocument.objects.filter(resource_files__page__in=public).distinct().order_by("pk"))
        load_practices(loaders["practices"], vocab, corpus, numbers["practices"], now)
        load_materials(loaders["materials"], vocab, corpus, numbers["materials"], now, documents)
        load_events(loaders["events"], vocab, corpus, numbers["events"], now)
        return {kind: loader.insert() for kind, loader in loaders.items()}
