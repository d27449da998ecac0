"""Questions to a practice or a material: members ask, the page's author and the redazione answer and
make a useful one public, the redazione hides; only public, answered, unhidden ones reach public pages."""

import pytest
from django.core import mail
from django.urls import reverse

from ciao.roles import FORMATORI, OPERATORI, REDAZIONE
from tests.factories.community import make_member
from tests.factories.exchange import make_question
from tests.factories.practices import make_practice, practice_index

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"
SECRET = "Zafferanodomanda"
SEARCHED = "cardamomodomanda"  # the search page repeats what was typed: a second word is searched


@pytest.fixture
def author(make_user):
    return make_user(OPERATORI, username="autrice")


@pytest.fixture
def practice(home, author):
    return make_practice(practice_index(home), title="Tirocini nelle imprese", owner=author)


@pytest.fixture
def material(home, make_user):
    from ciao.demo import ensure_child
    from resources.models import ResourceIndexPage, ResourcePage

    index = ensure_child(home, ResourceIndexPage, title="Materiali", slug="materiali")[0]
    page = ensure_child(
        index, ResourcePage, title="Traccia del primo colloquio", slug="traccia", summary="Una traccia."
    )[0]
    page.owner = make_user(FORMATORI, username="formatore")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def asker():
    return make_member("chiede")


@pytest.fixture
def redazione(make_user):
    return make_user(REDAZIONE, username="redattrice")


def text_of(response):
    return response.content.decode()


def ask(client, page, text, capture):
    with capture(execute=True):
        return client.post(reverse("community:ask", args=[page.pk]), {"text": text})


# Asking


def test_anonymous_visitors_are_invited_to_log_in_to_ask(client, practice):
    page = text_of(client.get(practice.url))
    assert "Domande e risposte" in page
    assert "Accedi per fare una domanda" in page
    assert f"/accedi/?next={practice.url}%23domande" in page
    assert reverse("community:ask", args=[practice.pk]) not in page


def test_members_ask_from_the_page_and_the_author_and_the_redazione_hear_of_it(
    client, practice, author, asker, settings, django_capture_on_commit_callbacks
):
    from community.models import Question

    settings.REDAZIONE_EMAIL = "redazione@ciao.example.org"
    client.force_login(asker.user)
    assert reverse("community:ask", args=[practice.pk]) in text_of(client.get(practice.url))
    response = ask(client, practice, "Come avete trovato le imprese?", django_capture_on_commit_callbacks)
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"] == question.get_absolute_url()
    assert question.asker == asker and question.page_id == practice.pk and not question.is_public
    assert sorted(m.to[0] for m in mail.outbox) == [author.email, "redazione@ciao.example.org"]
    assert "Come avete trovato le imprese?" in mail.outbox[0].body
    assert "Come avete trovato le imprese?" in text_of(client.get(reverse("community:questions")))


def test_members_ask_about_a_material_too(client, material, asker, django_capture_on_commit_callbacks):
    client.force_login(asker.user)
    assert reverse("community:ask", args=[material.pk]) in text_of(client.get(material.url))
    ask(client, material, "C'è una versione in inglese?", django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox][0] == [material.owner.email]


def test_an_empty_or_too_long_question_comes_back_with_a_message_and_the_text(client, practice, asker):
    client.force_login(asker.user)
    response = client.post(reverse("community:ask", args=[practice.pk]), {"text": "  "})
    assert response.status_code == 400 and "Scrivi la domanda." in text_of(response)
    long_text = "Domanda lunghissima " * 300
    response = client.post(reverse("community:ask", args=[practice.pk]), {"text": long_text})
    assert response.status_code == 400
    assert "troppo lungo" in text_of(response) and "Domanda lunghissima Domanda lunghissima" in text_of(response)


def test_one_asks_only_about_published_practices_and_materials(client, home, practice, asker):
    draft = make_practice(practice_index(home), publish=False)
    client.force_login(asker.user)
    assert client.post(reverse("community:ask", args=[draft.pk]), {"text": "?"}).status_code == 404
    assert client.post(reverse("community:ask", args=[home.pk]), {"text": "?"}).status_code == 404


def test_asking_takes_a_member_profile(client, practice, redazione, author):
    for user in (redazione, author):
        client.force_login(user)
        assert client.post(reverse("community:ask", args=[practice.pk]), {"text": "?"}).status_code == 403
        assert reverse("community:ask", args=[practice.pk]) not in text_of(client.get(practice.url))


# Answering


def test_the_pages_author_answers_and_the_asker_hears_of_it(
    client, practice, author, asker, django_capture_on_commit_callbacks
):
    question = make_question(practice, asker)
    make_member("autrice_profilo")  # another member, to be sure the author needs no profile of her own
    client.force_login(author)
    assert "Come avete trovato le imprese?" in text_of(client.get(reverse("community:questions")))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(question.get_absolute_url(), {"text": "Con le colazioni di lavoro."})
    assert response.status_code == 302
    answer = question.answers.get()
    assert answer.author == author and not answer.by_redazione
    assert [m.to for m in mail.outbox] == [[asker.user.email]]
    assert "Con le colazioni di lavoro." in mail.outbox[0].body


def test_the_redazione_answers_any_question_as_the_redazione(client, practice, asker, redazione):
    question = make_question(practice, asker)
    client.force_login(redazione)
    client.post(question.get_absolute_url(), {"text": "Risponde la redazione."})
    assert question.answers.get().by_redazione


def test_other_members_neither_read_nor_answer_a_question(client, practice, asker):
    question = make_question(practice, asker)
    client.force_login(make_member("curiosa").user)
    assert client.get(question.get_absolute_url()).status_code == 404
    assert client.post(question.get_absolute_url(), {"text": "Io!"}).status_code == 404
    assert question.answers.count() == 0


def test_the_asker_reads_the_answer_but_does_not_answer(client, practice, asker):
    question = make_question(practice, asker, answer="Con le colazioni di lavoro.")
    client.force_login(asker.user)
    assert "Con le colazioni di lavoro." in text_of(client.get(question.get_absolute_url()))
    assert client.post(question.get_absolute_url(), {"text": "Grazie"}).status_code == 403


# Public or not


def test_the_author_makes_an_answered_question_public_on_the_page(client, practice, author, asker):
    question = make_question(practice, asker, text="Quanto dura il tirocinio?", answer="Sei mesi.")
    assert "Quanto dura il tirocinio?" not in text_of(client.get(practice.url))
    client.force_login(author)
    client.post(reverse("community:publish_question", args=[question.pk]), {"pubblica": "1"})
    client.logout()
    page = text_of(client.get(practice.url))
    assert "Quanto dura il tirocinio?" in page and "Sei mesi." in page
    assert "Risponde chi ha scritto la pagina" in page
    assert "Chiede" not in page  # the asker's name stays off the public page


def test_a_question_without_an_answer_is_not_made_public(client, practice, author, asker):
    question = make_question(practice, asker)
    client.force_login(author)
    client.post(reverse("community:publish_question", args=[question.pk]), {"pubblica": "1"})
    question.refresh_from_db()
    assert not question.is_public


def test_only_the_author_and_the_redazione_make_a_question_public(client, practice, asker):
    question = make_question(practice, asker, answer="Sì.")
    client.force_login(asker.user)
    response = client.post(reverse("community:publish_question", args=[question.pk]), {"pubblica": "1"})
    assert response.status_code == 403
    question.refresh_from_db()
    assert not question.is_public


def test_the_redazione_hides_a_question_with_a_reason_and_it_leaves_the_page(
    client, practice, author, asker, redazione
):
    question = make_question(practice, asker, text="Domanda fuori tema", answer="Sì.", is_public=True)
    assert "Domanda fuori tema" in text_of(client.get(practice.url))
    client.force_login(author)
    assert client.get(reverse("community:hide_question", args=[question.pk])).status_code == 403
    client.force_login(redazione)
    response = client.post(reverse("community:hide_question", args=[question.pk]), {"reason": ""})
    assert response.status_code == 400 and "Scrivi il motivo" in text_of(response)
    client.post(reverse("community:hide_question", args=[question.pk]), {"reason": "Fuori tema."})
    question.refresh_from_db()
    assert question.is_hidden and question.hidden_by == redazione
    client.logout()
    assert "Domanda fuori tema" not in text_of(client.get(practice.url))
    client.force_login(asker.user)
    assert "Fuori tema." in text_of(client.get(question.get_absolute_url()))


@pytest.mark.parametrize("state", ["private", "unanswered", "hidden"])
def test_questions_that_are_not_public_reach_no_public_page_feed_api_sitemap_search_or_export(
    client, home, practice, material, asker, redazione, state
):
    from django.utils import timezone

    fields = {
        "private": {"answer": f"Risposta {SECRET} {SEARCHED}", "is_public": False},
        "unanswered": {"is_public": True},
        "hidden": {"answer": f"Risposta {SECRET} {SEARCHED}", "is_public": True, "hidden_at": timezone.now()},
    }[state]
    for page in (practice, material):
        make_question(page, asker, text=f"Domanda {SECRET} {SEARCHED}", **fields)
    addresses = [
        practice.url,
        material.url,
        practice.url + "esporta/",
        practice.get_parent().url + "feed/",
        material.get_parent().url + "feed/",
        "/sitemap.xml",
        "/api/v2/pages/?fields=*",
        f"/api/v2/pages/{practice.pk}/",
        f"/api/v2/pages/{material.pk}/",
        f"/cerca/?q={SEARCHED}",
        f"/api/v2/pages/?search={SEARCHED}",
        "/tag/",
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert SECRET not in text_of(response), address


def test_hostile_html_in_questions_and_answers_is_shown_as_text_with_its_links(client, practice, asker):
    make_question(
        practice,
        asker,
        text=f"Domanda {HOSTILE} vedi www.example.org/bando",
        answer=f"Risposta {HOSTILE} scrivi a info@example.org",
        is_public=True,
    )
    page = text_of(client.get(practice.url))
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2
    assert 'href="http://www.example.org/bando" rel="nofollow noopener"' in page
    assert 'href="mailto:info@example.org"' in page


def test_the_material_page_shows_its_public_questions_and_answers(client, material, asker):
    make_question(material, asker, text="C'è in inglese?", answer="Non ancora.", is_public=True)
    page = text_of(client.get(material.url))
    assert "C'è in inglese?" in page and "Non ancora." in page
