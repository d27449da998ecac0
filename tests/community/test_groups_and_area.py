"""The groups' list, a group's space and its people, my area, and who is in each Django group."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from community.models import Action, Meeting, Membership, Post, SharedDocument, Thread, WorkingGroup
from tests.factories.community import make_group, make_member

pytestmark = pytest.mark.django_db


def fill(group, people, size):
    """``size`` members, meetings, actions, threads and documents in ``group``."""
    members = [make_member(groups=[group]) for _ in range(size)]
    now = timezone.now()
    for index in range(size):
        meeting = Meeting.objects.create(
            group=group, title=f"Incontro {index}", starts_at=now + timedelta(days=index - size // 2)
        )
        Action.objects.create(meeting=meeting, description=f"Azione {index}", assignee=people)
        thread = Thread.objects.create(group=group, title=f"Tema {index}", author=members[index], last_post_at=now)
        Post.objects.create(thread=thread, author=members[index], body="Testo")
        SharedDocument.objects.create(
            group=group, title=f"Documento {index}", file=f"community/{group.pk}/d{index}.pdf"
        )
    return members


def queries(client, address):
    client.get(address)  # what is read once per process (site, settings) is not the page's cost
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_the_group_list_names_every_group_and_opens_only_mine(client):
    mine, other = make_group("Il mio gruppo"), make_group("Un altro gruppo")
    member = make_member(groups=[mine])
    client.force_login(member.user)
    html = client.get(reverse("community:groups")).content.decode()
    assert f'href="{mine.get_absolute_url()}"' in html
    assert "Un altro gruppo" in html and f'href="{other.get_absolute_url()}"' not in html


def test_a_groups_space_costs_the_same_queries_with_3_or_30_of_everything(client):
    small, large = make_group("Piccolo"), make_group("Grande")
    member = make_member(groups=[small, large])
    fill(small, member, 3)
    fill(large, member, 30)
    client.force_login(member.user)
    assert queries(client, small.get_absolute_url()) == queries(client, large.get_absolute_url())


def test_my_area_costs_the_same_queries_whatever_my_groups_hold(client):
    small, large = make_group("Piccolo"), make_group("Grande")
    few, many = make_member(groups=[small]), make_member(groups=[large])
    fill(small, few, 3)
    fill(large, many, 30)
    client.force_login(few.user)
    cost_few = queries(client, reverse("community:my_area"))
    client.force_login(many.user)
    assert queries(client, reverse("community:my_area")) == cost_few


def test_my_area_lists_my_open_actions_unread_discussions_and_next_meetings(client):
    group = make_group("Tirocini")
    me, other = make_member("marta", groups=[group], first_name="Marta"), make_member(groups=[group])
    meeting = Meeting.objects.create(
        group=group, title="Incontro con le imprese", starts_at=timezone.now() + timedelta(days=2)
    )
    Action.objects.create(meeting=meeting, description="Chiamare le aziende", assignee=me)
    Action.objects.create(meeting=meeting, description="Già fatto", assignee=me, done=True)
    Action.objects.create(meeting=meeting, description="Compito di altri", assignee=other)
    thread = Thread.objects.create(group=group, title="Orari dei tirocini", author=other, last_post_at=timezone.now())
    Post.objects.create(thread=thread, author=other, body="Chi accetta 9-14?")
    client.force_login(me.user)
    html = client.get(reverse("community:my_area")).content.decode()
    assert "Ciao Marta" in html
    assert "Chiamare le aziende" in html and "Già fatto" not in html and "Compito di altri" not in html
    assert "Orari dei tirocini" in html and "Incontro con le imprese" in html
    assert reverse("community:calendar", args=[me.calendar_token]) in html


def test_my_area_lists_my_drafts_of_practices_and_materials(client, home):
    from ciao.demo import ensure_child
    from ciao.models import StandardPage

    me = make_member("olga")
    draft = ensure_child(home, StandardPage, title="La mia bozza di pratica", owner=me.user, publish=False)[0]
    ensure_child(home, StandardPage, title="Una bozza di altri", publish=False)
    client.force_login(me.user)
    html = client.get(reverse("community:my_area")).content.decode()
    assert "La mia bozza di pratica" in html and reverse("wagtailadmin_pages:edit", args=[draft.pk]) in html
    assert "Una bozza di altri" not in html


def test_anonymous_visitors_go_to_a_login_that_says_the_area_is_reserved(client):
    response = client.get(reverse("community:my_area"))
    assert response.status_code == 302 and response["Location"] == "/accedi/?next=/area-riservata/"
    html = client.get(response["Location"]).content.decode()
    assert "area riservata è lo spazio di lavoro dei membri della comunità di pratica" in html


def test_an_editor_without_a_profile_is_told_why_the_area_is_closed(client, make_user):
    client.force_login(make_user("Operatori"))
    response = client.get(reverse("community:my_area"))
    assert response.status_code == 403
    assert "non ha un profilo di membro" in response.content.decode()


def test_a_coordinator_adds_people_makes_a_coordinator_and_removes_someone(client):
    group = make_group("Laboratori")
    coordinator, stays, goes = (
        make_member(coordinates=[group]),
        make_member(groups=[group]),
        make_member(groups=[group]),
    )
    newcomer = make_member()
    client.force_login(coordinator.user)
    address = reverse("community:group_people", args=[group.slug])
    assert client.post(address, {"add_people": "1", "members": [newcomer.pk]}).status_code == 302
    assert group.memberships.filter(member=newcomer).exists()
    roles = {f"ruolo_{m.pk}": m.role for m in group.memberships.all()}
    roles[f"ruolo_{group.memberships.get(member=stays).pk}"] = "coordinatore"
    roles[f"ruolo_{group.memberships.get(member=goes).pk}"] = "rimuovi"
    assert client.post(address, {"save_roles": "1", **roles}).status_code == 302
    assert group.memberships.get(member=stays).is_coordinator
    assert not group.memberships.filter(member=goes).exists()


def test_a_plain_member_cannot_manage_the_groups_people(client):
    group = make_group("Laboratori")
    member, newcomer = make_member(groups=[group]), make_member()
    client.force_login(member.user)
    address = reverse("community:group_people", args=[group.slug])
    refused = client.get(address)
    assert refused.status_code == 403
    # The page says why, in the site's look.
    assert "per chi lo coordina e per la redazione" in refused.content.decode()
    assert client.post(address, {"add_people": "1", "members": [newcomer.pk]}).status_code == 403
    assert not group.memberships.filter(member=newcomer).exists()


def test_a_wrong_choice_in_the_people_form_is_a_400_with_an_italian_message(client):
    group = make_group("Laboratori")
    coordinator = make_member(coordinates=[group])
    client.force_login(coordinator.user)
    response = client.post(reverse("community:group_people", args=[group.slug]), {"add_people": "1", "members": ["x"]})
    assert response.status_code == 400
    assert "campo da correggere" in response.content.decode()


def test_people_of_a_working_group_are_in_its_django_group_while_they_belong(client):
    group = make_group("Emersione")
    member = make_member(groups=[group])
    assert member.user.groups.filter(pk=group.auth_group_id).exists()
    Membership.objects.get(group=group, member=member).delete()
    assert not member.user.groups.filter(pk=group.auth_group_id).exists()


def test_deleting_a_working_group_deletes_its_django_group():
    group = make_group("Temporaneo")
    make_member(groups=[group])
    auth_group_id = group.auth_group_id
    group.delete()
    assert not Group.objects.filter(pk=auth_group_id).exists()


def test_the_programmes_governance_is_seeded_as_working_groups():
    slugs = set(WorkingGroup.objects.values_list("slug", flat=True))
    assert {"cabina-di-regia", "coordinamento-operativo", "tirocini-e-lavoro", "emersione-e-scouting"} <= slugs
    assert WorkingGroup.objects.filter(kind=WorkingGroup.Kind.PRACTICE).count() == 6
