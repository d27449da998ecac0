"""Demo followers: two members and a confirmed citizen, so that `manage.py send_digests` has
something to print on the console; and a citizen who never confirmed, who gets nothing.

Idempotent: members' subscriptions by member, citizens' by address; choices are set once.
"""

from django.utils import timezone

from ciao.models import Ambito, TargetGroup, Theme
from community.models import Member, Subscription, WorkingGroup

# (username or address, frequency, theme slugs, ambito slugs, target slugs, group slugs, confirmed)
FOLLOWERS = [
    ("membro", "settimanale", ["occupazione", "capacitazione"], [], ["giovani"], ["tirocini-e-lavoro"], True),
    ("operatrice", "immediata", ["inclusione"], ["corsichese"], [], ["equipe-e-assessment"], True),
    (
        "lucia.ferraro@example.org",
        "settimanale",
        ["attivazione", "occupazione"],
        ["sud-est-milano"],
        ["donne"],
        [],
        True,
    ),
    ("mai.confermato@example.org", "settimanale", ["inclusione"], [], [], [], False),
]


def seed_followers(demo):
    now = timezone.now()
    made = 0
    for who, frequency, themes, ambiti, targets, groups, confirmed in FOLLOWERS:
        if "@" in who:
            subscription, created = Subscription.objects.get_or_create(
                email=who,
                member=None,
                defaults={"frequency": frequency, "confirmed_at": now if confirmed else None},
            )
        else:
            member = Member.objects.filter(user__username=who).select_related("user").first()
            if member is None:
                continue
            subscription, created = Subscription.objects.get_or_create(
                member=member, defaults={"email": member.user.email, "frequency": frequency, "confirmed_at": now}
            )
        if not created:
            continue
        made += 1
        subscription.themes.set(Theme.objects.filter(slug__in=themes))
        subscription.ambiti.set(Ambito.objects.filter(slug__in=ambiti))
        subscription.target_groups.set(TargetGroup.objects.filter(slug__in=targets))
        subscription.groups.set(WorkingGroup.objects.filter(slug__in=groups))
    demo.log(f"Aggiornamenti per e-mail: {Subscription.objects.count()} iscrizioni ({made} nuove).")
