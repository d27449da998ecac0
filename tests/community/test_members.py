"""The members' directory ("chi sa fare cosa"), profiles, one's own profile and personal data."""

import json

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ciao.roles import OPERATORI, REDAZIONE
from tests.factories.community import make_group, make_member

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture
def viewer(group):
    return make_member("lettrice", groups=[group])


def vocabulary():
    from ciao.models import Ambito, TargetGroup, Theme

    return (
        Theme.objects.get(slug="occupazione"),
        TargetGroup.objects.get(slug="giovani"),
        Ambito.objects.get(slug="corsichese"),
    )


def make_tag(name):
    from taggit.models import Tag

    return Tag.objects.get_or_create(name=name, defaults={"slug": name})[0]


def profile_data(member, **overrides):
    data = {
        "first_name": member.user.first_name,
        "last_name": member.user.last_name,
        "organisation": "",
        "ambito": "",
        "role": "educatrice",
        "presentation": "Lavoro con i giovani.",
        "phone": "",
        "contact_email": "",
    }
    return {**data, **overrides}


def directory(client, **params):
    return client.get(reverse("community:directory"), params)


def listed(response):
    return [member.user.username for member, _contacts in response.context["cards"]]


# Who may enter


@pytest.mark.parametrize(
    "name, args",
    [("directory", []), ("member", [1]), ("my_profile", []), ("my_data", []), ("request_deletion", [])],
)
def test_anonymous_visitors_go_to_the_login(client, home, name, args):
    response = client.get(reverse(f"community:{name}", args=args))

    assert response.status_code == 302
    assert response["Location"].startswith("/accedi/")


def test_an_editor_without_a_profile_gets_403(client, viewer, make_user):
    client.force_login(make_user(OPERATORI))

    assert directory(client).status_code == 403
    assert client.get(viewer.get_absolute_url()).status_code == 403


def test_a_profile_address_without_a_profile_is_404(client, viewer):
    client.force_login(viewer.user)

    assert client.get(reverse("community:member", args=[viewer.pk + 1000])).status_code == 404


# Contacts


def test_members_see_contacts_only_of_who_chose_to_show_them(client, viewer):
    make_member("aperta", contact_email="aperta@ente.example.org", phone="02 1234", show_contacts=True)
    riservata = make_member("riservata", contact_email="riservata@ente.example.org", phone="02 5678")
    client.force_login(viewer.user)

    text = directory(client).content.decode()
    assert "aperta@ente.example.org" in text and "02 1234" in text
    assert "riservata@ente.example.org" not in text and "02 5678" not in text
    profile = client.get(riservata.get_absolute_url()).content.decode()
    assert "riservata@ente.example.org" not in profile and "02 5678" not in profile


def test_the_redazione_sees_every_members_contacts(client, viewer, make_user):
    riservata = make_member("riservata", contact_email="riservata@ente.example.org")
    client.force_login(make_user(REDAZIONE))

    assert "riservata@ente.example.org" in client.get(riservata.get_absolute_url()).content.decode()


def test_a_profile_lists_the_members_groups(client, group, viewer):
    other_group = make_group(name="Cabina di Regia di prova")
    colleague = make_member("collega", groups=[group], coordinates=[other_group])
    client.force_login(viewer.user)

    text = client.get(colleague.get_absolute_url()).content.decode()

    assert f'href="{group.get_absolute_url()}"' in text
    assert "Cabina di Regia di prova" in text
    assert f'href="{other_group.get_absolute_url()}"' not in text  # the viewer may not open it


# Filters


def test_filters_combine_theme_target_group_ambito_and_tag(client, viewer):
    theme, target_group, ambito = vocabulary()
    tirocini = make_tag("tirocini")
    wanted = make_member("giusta", ambito=ambito)
    wanted.themes.add(theme)
    wanted.target_groups.add(target_group)
    wanted.expertise.add(tirocini)
    elsewhere = make_member("altrove")  # same competences, no ambito
    elsewhere.themes.add(theme)
    elsewhere.target_groups.add(target_group)
    elsewhere.expertise.add(tirocini)
    other_tag = make_member("altra-etichetta", ambito=ambito)
    other_tag.themes.add(theme)
    other_tag.target_groups.add(target_group)
    other_tag.expertise.add(make_tag("laboratori"))
    client.force_login(viewer.user)

    response = directory(client, tema="occupazione", destinatari="giovani", ambito="corsichese", tag="tirocini")
    assert listed(response) == ["giusta"]
    assert sorted(listed(directory(client, tema="occupazione", tag="tirocini"))) == ["altrove", "giusta"]
    assert sorted(listed(directory(client, ambito="corsichese"))) == ["altra-etichetta", "giusta"]


def test_free_text_finds_words_in_name_role_and_presentation(client, viewer):
    rossi = make_member("rossi", first_name="Paola", last_name="Rossi")
    rossi.role = "assistente sociale"  # make_member's role is an editorial group
    rossi.save()
    make_member("bruni", first_name="Luca", last_name="Bruni", presentation="Seguo i tirocini di inclusione.")
    client.force_login(viewer.user)

    assert listed(directory(client, q="paola sociale")) == ["rossi"]
    assert listed(directory(client, q="TIROCINI")) == ["bruni"]
    assert listed(directory(client, q="paola tirocini")) == []


def test_an_unknown_filter_value_is_ignored_with_a_message(client, viewer):
    make_member("qualcuno")
    client.force_login(viewer.user)

    response = directory(client, tema="non-esiste")

    assert response.status_code == 200
    assert "Il filtro è stato ignorato" in response.content.decode()
    assert sorted(listed(response)) == ["lettrice", "qualcuno"]


def test_the_directory_shows_24_people_a_page(client, viewer):
    for n in range(25):
        make_member(f"persona{n:02}")
    client.force_login(viewer.user)

    first, second = directory(client), directory(client, pagina=2)

    assert len(listed(first)) == 24
    assert len(listed(second)) == 2
    assert first.context["pagination"].page.paginator.count == 26


def _people_with_everything(count):
    theme, target_group, ambito = vocabulary()
    from ciao.models import Organisation

    organisation = Organisation.objects.first()
    tag = make_tag("tirocini")
    for _n in range(count):
        member = make_member(organisation=organisation, ambito=ambito, show_contacts=True, phone="02 1")
        member.themes.add(theme)
        member.target_groups.add(target_group)
        member.expertise.add(tag)


def _directory_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = directory(client)
    assert response.status_code == 200
    return len(queries)


def test_the_directory_costs_the_same_queries_for_3_and_30_people(client, viewer):
    client.force_login(viewer.user)
    _people_with_everything(2)
    _directory_queries(client)  # the first request caches the site and its settings
    with_3 = _directory_queries(client)
    _people_with_everything(27)

    assert _directory_queries(client) == with_3


# Own profile


def test_a_member_edits_their_profile(client, viewer):
    theme, target_group, ambito = vocabulary()
    tag = make_tag("tirocini")
    client.force_login(viewer.user)

    response = client.post(
        reverse("community:my_profile"),
        profile_data(
            viewer,
            first_name="Laura",
            ambito=ambito.pk,
            themes=[theme.pk],
            target_groups=[target_group.pk],
            expertise=[tag.pk],
            show_contacts="on",
            phone="02 999",
        ),
    )

    assert response.status_code == 302
    viewer.refresh_from_db()
    viewer.user.refresh_from_db()
    assert viewer.user.first_name == "Laura"
    assert viewer.role == "educatrice" and viewer.ambito == ambito and viewer.show_contacts
    assert list(viewer.themes.all()) == [theme]
    assert list(viewer.expertise.all()) == [tag]


def test_a_presentation_over_2000_characters_is_400_with_the_text_kept(client, viewer):
    client.force_login(viewer.user)
    long_text = "Mi occupo di tirocini. " * 100  # 2300 characters

    response = client.post(reverse("community:my_profile"), profile_data(viewer, presentation=long_text))

    assert response.status_code == 400
    assert long_text.strip() in response.content.decode()
    viewer.refresh_from_db()
    assert viewer.presentation == ""


def test_only_existing_tags_may_be_claimed(client, viewer):
    client.force_login(viewer.user)

    response = client.post(reverse("community:my_profile"), profile_data(viewer, expertise=["99999"]))

    assert response.status_code == 400
    assert 'value="educatrice"' in response.content.decode()


def test_hostile_html_in_a_presentation_is_shown_escaped(client, viewer):
    colleague = make_member("collega")
    client.force_login(colleague.user)
    client.post(reverse("community:my_profile"), profile_data(colleague, presentation=HOSTILE))
    client.force_login(viewer.user)

    text = client.get(colleague.get_absolute_url()).content.decode()

    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<img src=x" not in text


def test_a_redazione_account_without_profile_gets_a_message_and_no_form(client, home, make_user):
    client.force_login(make_user(REDAZIONE))

    response = client.get(reverse("community:my_profile"))

    assert response.status_code == 200
    assert "non ha un profilo di membro" in response.content.decode()
    assert response.context.get("form") is None


# Personal data


def test_the_data_download_holds_the_members_own_posts_and_nobody_elses(client, group, viewer):
    from community.models import Post, Thread

    other = make_member("altra", groups=[group])
    thread = Thread.objects.create(group=group, title="Tirocini estivi", author=viewer, last_post_at=timezone.now())
    Post.objects.create(thread=thread, author=viewer, body="Il mio messaggio sui tirocini")
    Post.objects.create(thread=thread, author=other, body="Il messaggio di un'altra persona")
    client.force_login(viewer.user)

    response = client.get(reverse("community:my_data"))

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert [post["testo"] for post in data["messaggi"]] == ["Il mio messaggio sui tirocini"]
    assert data["account"]["nome_utente"] == "lettrice"
    assert data["gruppi"][0]["gruppo"] == group.name
    assert "Il messaggio di un'altra persona" not in response.content.decode()


def test_the_data_download_holds_actions_assigned_and_invitations_by_email(client, group, viewer):
    from community.models import Action, Invitation, Meeting

    meeting = Meeting.objects.create(group=group, title="Primo incontro", starts_at=timezone.now())
    Action.objects.create(meeting=meeting, description="Scrivere il verbale", assignee=viewer)
    invitation = Invitation(email=viewer.user.email.upper(), first_name="L", last_name="P")
    invitation.new_token()
    invitation.save()
    client.force_login(viewer.user)

    data = json.loads(client.get(reverse("community:my_data")).content)

    assert [action["cosa"] for action in data["azioni_assegnate"]] == ["Scrivere il verbale"]
    assert len(data["inviti"]) == 1


def test_the_data_download_holds_subscriptions_adoptions_and_questions(client, viewer, home):
    from ciao.models import Theme
    from community.models import Subscription
    from tests.factories.exchange import make_adoption, make_question
    from tests.factories.practices import make_practice, practice_index

    practice = make_practice(practice_index(home), title="Tirocini in Comune")
    make_adoption(practice, viewer, changes="Tirocini più corti")
    make_question(practice, viewer, "Come scegliete le imprese?")
    by_email = Subscription.objects.create(email=viewer.user.email.upper(), confirmed_at=timezone.now())
    by_email.themes.set(Theme.objects.filter(slug="occupazione"))
    Subscription.objects.create(email="qualcun.altro@example.org")
    client.force_login(viewer.user)

    data = json.loads(client.get(reverse("community:my_data")).content)

    assert [s["temi"] for s in data["iscrizioni_agli_aggiornamenti"]] == [["Occupazione"]]
    assert [a["cosa_e_cambiato"] for a in data["adozioni_registrate"]] == ["Tirocini più corti"]
    assert [q["domanda"] for q in data["domande"]] == ["Come scegliete le imprese?"]


# Deletion request


def test_the_deletion_page_explains_before_asking(client, viewer):
    client.force_login(viewer.user)

    response = client.get(reverse("community:request_deletion"))

    assert response.status_code == 200
    assert "Cosa succede" in response.content.decode()
    viewer.refresh_from_db()
    assert viewer.deletion_requested_at is None


def test_a_deletion_request_emails_the_redazione_once(client, viewer, settings, django_capture_on_commit_callbacks):
    settings.REDAZIONE_EMAIL = "redazione@ciao.example.org"
    client.force_login(viewer.user)

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(reverse("community:request_deletion"))
        client.post(reverse("community:request_deletion"))

    assert first.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redazione@ciao.example.org"]
    assert "lettrice" in mail.outbox[0].body
    viewer.refresh_from_db()
    assert viewer.deletion_requested_at is not None
    text = client.get(viewer.get_absolute_url()).content.decode()
    assert "Richiesta di cancellazione inviata il" in text
