"""Demo community: members of every partner organisation, and every working group at work.

Members other than the demo account «membro» (and the profiles given to «operatrice» and
«formatore») have no usable password: they fill the directory and the groups, nobody logs
in as them. Dates are relative to the day of seeding, so a meeting "to come" stays ahead.
Idempotent: people by username, meetings, documents and threads by title within their group.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag

from ciao.models import Ambito, Organisation, TargetGroup, Theme
from ciao.sample_files import pdf_bytes
from community.models import Action, Meeting, Member, Membership, Post, SharedDocument, Thread, WorkingGroup

from .exchange import seed_exchange
from .following import seed_followers
from .texts import FIRST_NAMES, GROUP_WORK, LAST_NAMES, PRESENTATIONS, ROLES

MEMBERS_PER_ORGANISATION = 2
PEOPLE_PER_PRACTICE_GROUP = 8
# The demo accounts that log in, and where they stand: (username, organisation slug, groups, coordinated).
DEMO_ACCOUNTS = [
    # «membro» sits in the Cabina di Regia too, so the demo shows the monitoring page.
    ("membro", "coop-stripes", ["emersione-e-scouting", "cabina-di-regia"], ["tirocini-e-lavoro"]),
    ("operatrice", "coop-melograno", ["equipe-e-assessment", "tirocini-e-lavoro"], []),
    ("formatore", "coop-cesvip", [], ["laboratori-e-capacitazione"]),
]


def seed(demo):
    if not demo.users:
        return  # production: no demo people
    demo.defer(seed_community)


def seed_community(demo):
    rng = demo.rng
    people = _partner_people(rng)
    accounts = _demo_accounts(demo)
    groups = {group.slug: group for group in WorkingGroup.objects.all()}
    _place_people(rng, groups, people, accounts)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for slug, work in GROUP_WORK.items():
        if slug in groups:
            _seed_work(groups[slug], work, now)
    seed_followers(demo)
    demo.log(f"Comunità di pratica: {Member.objects.count()} membri, {len(groups)} gruppi.")
    seed_exchange(demo)


def _profile(user, organisation, rng, role=""):
    member, created = Member.objects.get_or_create(
        user=user,
        defaults={
            "organisation": organisation,
            "ambito": (organisation.ambito if organisation else None) or rng.choice(list(Ambito.objects.all())),
            "role": role or rng.choice(ROLES),
            "presentation": rng.choice(PRESENTATIONS),
            "show_contacts": rng.random() < 0.6,
            "phone": f"02 {rng.randint(1000000, 9999999)}",
        },
    )
    if created:
        member.themes.set(rng.sample(list(Theme.objects.all()), k=2))
        member.target_groups.set(rng.sample(list(TargetGroup.objects.all()), k=min(2, TargetGroup.objects.count())))
        tags = list(Tag.objects.order_by("name")[:40])
        if tags:
            member.expertise.set(rng.sample(tags, k=min(3, len(tags))))
    return member


def _partner_people(rng):
    User = get_user_model()
    people = []
    names = iter((first, last) for last in LAST_NAMES for first in FIRST_NAMES[LAST_NAMES.index(last) % 7 :: 7])
    for organisation in Organisation.objects.filter(is_partner=True).select_related("ambito").order_by("pk"):
        for _ in range(MEMBERS_PER_ORGANISATION):
            first, last = next(names)
            username = slugify(f"{first}.{last}").replace("-", ".")
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
            )
            if created:
                user.set_unusable_password()
                user.save(update_fields=["password"])
            people.append(_profile(user, organisation, rng))
    return people


def _demo_accounts(demo):
    accounts = []
    for username, organisation_slug, joined, coordinated in DEMO_ACCOUNTS:
        user = demo.users.get(username)
        if user is None:
            continue
        organisation = Organisation.objects.filter(slug=organisation_slug).first()
        accounts.append((_profile(user, organisation, demo.rng), joined, coordinated))
    return accounts


def _join(group, member, role=Membership.Role.MEMBER):
    Membership.objects.get_or_create(group=group, member=member, defaults={"role": role})


def _place_people(rng, groups, people, accounts):
    firsts = people[::MEMBERS_PER_ORGANISATION]  # one referent per organisation
    if "cabina-di-regia" in groups:
        for index, member in enumerate(firsts):
            _join(groups["cabina-di-regia"], member, Membership.Role.COORDINATOR if index == 0 else "membro")
    if "coordinamento-operativo" in groups:
        for index, member in enumerate(firsts[:6]):
            _join(groups["coordinamento-operativo"], member, Membership.Role.COORDINATOR if index == 0 else "membro")
    for group in groups.values():
        if group.kind != WorkingGroup.Kind.PRACTICE:
            continue
        for index, member in enumerate(rng.sample(people, k=min(PEOPLE_PER_PRACTICE_GROUP, len(people)))):
            _join(group, member, Membership.Role.COORDINATOR if index == 0 else Membership.Role.MEMBER)
    for member, joined, coordinated in accounts:
        for slug in joined:
            if slug in groups:
                _join(groups[slug], member)
        for slug in coordinated:
            if slug in groups:
                _join(groups[slug], member, Membership.Role.COORDINATOR)


def _seed_work(group, work, now):
    people = [m.member for m in group.memberships.select_related("member__user").order_by("role", "pk")]
    if not people:
        return
    title, agenda, minutes, decisions, actions = work["past"]
    held = (now - timedelta(days=20)).replace(hour=10)
    meeting, created = Meeting.objects.get_or_create(
        group=group,
        title=title,
        defaults={
            "starts_at": held,
            "ends_at": held + timedelta(hours=2),
            "place": "Sede di A.S.S.E.MI, San Giuliano Milanese",
            "agenda": agenda,
            "minutes": minutes,
            "decisions": decisions,
            "created_by": people[0],
        },
    )
    if created:
        for what, who, days, done in actions:
            Action.objects.create(
                meeting=meeting,
                description=what,
                assignee=_assignee(group, people, who),
                due_date=(held + timedelta(days=days)).date(),
                done=done,
            )
    title, agenda = work["next"]
    ahead = (now + timedelta(days=10)).replace(hour=14, minute=30)
    Meeting.objects.get_or_create(
        group=group,
        title=title,
        defaults={
            "starts_at": ahead,
            "ends_at": ahead + timedelta(hours=2),
            "place": "Online (il collegamento arriva per e-mail)",
            "agenda": agenda,
            "created_by": people[0],
        },
    )
    title, paragraphs = work["document"]
    if not group.documents.filter(title=title).exists():
        content = pdf_bytes(title, paragraphs, author=people[0].name)
        document = SharedDocument(
            group=group, title=title, uploaded_by=people[0], size=len(content), text="\n".join(paragraphs)
        )
        document.file.save(f"{slugify(title)}.pdf", ContentFile(content), save=True)
    title, bodies = work["thread"]
    if not group.threads.filter(title=title).exists():
        started = now - timedelta(days=len(bodies) + 1)
        thread = Thread.objects.create(group=group, title=title, author=people[0], last_post_at=started)
        for index, body in enumerate(bodies):
            post = Post.objects.create(thread=thread, author=people[index % len(people)], body=body)
            Post.objects.filter(pk=post.pk).update(created_at=started + timedelta(days=index))
        thread.last_post_at = started + timedelta(days=len(bodies) - 1)
        thread.save(update_fields=["last_post_at"])


def _assignee(group, people, index):
    # In the group «membro» coordinates, the demo account gets the first action, so «Le mie azioni» is not empty.
    for person in people:
        if person.user.username == "membro":
            return person if index == 0 else people[min(index, len(people) - 1)]
    return people[min(index, len(people) - 1)]
