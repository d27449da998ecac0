"""Importing a practice in the admin: a draft for review, or the list of what is wrong, never a 500."""

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, Revision, TaskState, WorkflowState

from ciao.roles import FORMATORI, OPERATORI, REDAZIONE
from practices.exchange.export import export_practice
from practices.exchange.validation import MAX_FILE_BYTES, field_label
from practices.models import PracticeIndicator, PracticePage
from tests.factories.practices import make_document, make_practice, practice_index

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/buone-pratiche/importa/"


@pytest.fixture
def practice(index):
    return make_practice(
        index,
        title="Antenne di quartiere",
        tags=["scouting"],
        attachments=[(make_document(title="Scheda di sintesi"), "CC-BY-4.0")],
    )


@pytest.fixture
def received(home):
    """A second index the operatori may add to: the form then asks where the practice goes."""
    return practice_index(home, slug="pratiche-ricevute", title="Pratiche ricevute")


@pytest.fixture
def operatrice(make_user):
    return make_user(OPERATORI, username="olga")


def exported(practice, **changes):
    data = export_practice(practice)
    data["practice"].update(changes)
    return data


def upload(content, name="pratica.json", content_type="application/json"):
    if isinstance(content, dict):
        content = json.dumps(content, ensure_ascii=False)
    if isinstance(content, str):
        content = content.encode("utf-8")
    return SimpleUploadedFile(name, content, content_type=content_type)


def post_import(client, user, file, **fields):
    client.force_login(user)
    return client.post(IMPORT_URL, {"file": file, **fields})


def snapshot():
    return (Page.objects.count(), Revision.objects.count(), Tag.objects.count(), PracticeIndicator.objects.count())


def page_messages(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def test_an_operatrice_imports_an_export_as_her_draft_in_review(client, operatrice, practice, index):
    response = post_import(client, operatrice, upload(exported(practice, title="Antenne di quartiere a Corsico")))
    assert response.status_code == 302
    listing_url = reverse("wagtailadmin_explore", args=[index.pk])
    assert response["Location"] == f"{listing_url}?ordering=-latest_revision_created_at"
    draft = PracticePage.objects.get(title="Antenne di quartiere a Corsico")
    assert draft.get_parent().pk == index.pk
    assert not draft.live and draft.has_unpublished_changes and draft.first_published_at is None
    assert draft.owner == operatrice and draft.get_latest_revision().user == operatrice
    state = draft.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == operatrice and state.workflow.name == "Revisione redazionale"
    assert [a.document.title for a in draft.attachments.all()] == ["Scheda di sintesi"]

    listing = client.get(response["Location"])
    html = listing.content.decode()
    assert "Antenne di quartiere a Corsico" in html
    message = " ".join(page_messages(listing))
    assert "«Antenne di quartiere a Corsico» è stata importata come bozza" in message
    assert "inviata in revisione alla redazione" in message
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in message


def test_the_redazione_sees_the_import_awaiting_review(client, operatrice, practice, make_user):
    post_import(client, operatrice, upload(exported(practice, title="Pratica da rivedere")))
    redattrice = make_user(REDAZIONE)
    draft = PracticePage.objects.get(title="Pratica da rivedere")
    awaiting = TaskState.objects.reviewable_by(redattrice)
    assert [state.workflow_state.object_id for state in awaiting] == [str(draft.pk)]
    assert not TaskState.objects.reviewable_by(operatrice).exists()
    client.force_login(redattrice)
    assert "Pratica da rivedere" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_operatrice_cannot_publish_her_import(client, operatrice, practice):
    post_import(client, operatrice, upload(exported(practice, title="Solo bozza")))
    draft = PracticePage.objects.get(title="Solo bozza")
    assert not draft.permissions_for_user(operatrice).can_publish()
    assert not PracticePage.objects.live().filter(title="Solo bozza").exists()


def test_the_redazione_can_import_too(client, make_user, practice, received):
    redattrice = make_user(REDAZIONE)
    response = post_import(client, redattrice, upload(exported(practice)), parent=received.pk)
    assert response.status_code == 302
    draft = PracticePage.objects.child_of(received).get()
    assert draft.owner == redattrice and not draft.live
    assert draft.current_workflow_state.requested_by == redattrice


def test_the_entry_points_are_shown_to_the_operatrice(client, operatrice, index):
    client.force_login(operatrice)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Importa pratica" in home and IMPORT_URL in home
    listing = client.get(reverse("wagtailadmin_explore", args=[index.pk])).content.decode()
    assert "Importa da JSON" in listing
    assert f"{IMPORT_URL}?parent={index.pk}" in listing
    form = client.get(f"{IMPORT_URL}?parent={index.pk}")
    assert form.status_code == 200
    html = form.content.decode()
    assert "File JSON della buona pratica" in html and "Importa anche se mancano alcuni allegati" in html
    assert 'enctype="multipart/form-data"' in html
    assert 'name="parent"' not in html  # one possible destination: nothing to choose


def test_with_several_indexes_the_one_she_came_from_is_chosen(client, operatrice, index, received):
    client.force_login(operatrice)
    form = client.get(f"{IMPORT_URL}?parent={received.pk}").context["form"]
    assert "parent" in form.fields
    assert form["parent"].value() == received.pk
    assert set(form.fields["parent"].queryset) == {index, received}


def test_a_formatore_gets_no_entry_point_and_is_refused(client, make_user, index, practice):
    formatore = make_user(FORMATORI)
    client.force_login(formatore)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Importa pratica" not in home and IMPORT_URL not in home
    listing = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert "Importa da JSON" not in listing.content.decode()
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    before = snapshot()
    response = client.post(IMPORT_URL, {"file": upload(exported(practice)), "parent": index.pk})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert snapshot() == before


def test_visitors_are_sent_to_log_in(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302 and "login" in response["Location"]


def test_she_cannot_import_where_she_may_not_add(client, operatrice, practice, index, received, home):
    closed = practice_index(home, slug="archivio", title="Archivio")
    closed.group_permissions.all().delete()
    before = snapshot()
    response = post_import(client, operatrice, upload(exported(practice)), parent=closed.pk)
    assert response.status_code == 200
    assert "Non puoi aggiungere buone pratiche a questo elenco." in response.content.decode()
    assert snapshot() == before


def test_errors_are_listed_field_by_field_and_her_choices_are_kept(client, operatrice, practice, index, received):
    data = exported(practice, ambito={"slug": "xyz", "name": "Xyz"}, start_date="26/11/2026")
    data["practice"]["indicators"][0]["value"] = "molti"
    before = snapshot()
    response = post_import(client, operatrice, upload(data), parent=received.pk, skip_missing_files="on")
    assert response.status_code == 200
    assert snapshot() == before
    errors = {e["path"]: e for e in response.context["import_errors"]}
    # In the order of the file: ambito, start_date, ..., indicators.
    assert list(errors) == ["practice.ambito", "practice.start_date", "practice.indicators[0].value"]
    assert errors["practice.ambito"]["label"] == "Ambito"
    assert "«Xyz»" in errors["practice.ambito"]["message"]
    assert errors["practice.indicators[0].value"]["label"] == "Indicatori n. 1 › valore"
    html = response.content.decode()
    assert "Da correggere nel file: non è stato creato nulla" in html
    assert "<strong>Data di inizio</strong>" in html and "AAAA-MM-GG" in html
    assert "La buona pratica non è stata importata" in " ".join(page_messages(response))
    form = response.context["form"]
    assert form["parent"].value() == str(received.pk)
    assert form["skip_missing_files"].value() is True
    assert re.search(rf'<option value="{received.pk}" selected>', html)
    assert re.search(r'<input type="checkbox" name="skip_missing_files"[^>]* checked', html)


def test_a_missing_attachment_names_the_option_of_the_form(client, operatrice, practice, index):
    data = exported(practice)
    data["practice"]["attachments"][0]["document"]["sha1"] = "0" * 40
    response = post_import(client, operatrice, upload(data))
    message = response.context["import_errors"][0]["message"]
    assert "non è su questo sito" in message
    assert "«Importa anche se mancano alcuni allegati»" in message and "--skip" not in message

    response = post_import(client, operatrice, upload(data), skip_missing_files="on")
    assert response.status_code == 302
    draft = PracticePage.objects.child_of(index).exclude(pk=practice.pk).get()
    assert draft.attachments.count() == 0
    listing_messages = " ".join(page_messages(client.get(response["Location"])))
    assert "Non sono stati importati" in listing_messages and "Scheda di sintesi" in listing_messages


def test_an_incomplete_record_stays_a_draft_where_complete_records_are_required(client, operatrice, practice, index):
    data = exported(practice, themes=[], context="")
    response = post_import(client, operatrice, upload(data))
    assert response.status_code == 302
    draft = PracticePage.objects.child_of(index).exclude(pk=practice.pk).get()
    assert not draft.live and draft.current_workflow_state is None
    text = " ".join(page_messages(client.get(response["Location"])))
    assert "Non è stata inviata in revisione" in text and "Temi" in text and "Contesto e bisogno" in text


@pytest.mark.parametrize(
    "file, expected",
    [
        (upload('{"format": "ciao-buona-pratica", "practice": {'), "non è un JSON valido (riga 1"),
        (
            upload(b"%PDF-1.4\n\xe2\xe3\xcf\xd3\n", name="scheda.pdf", content_type="application/pdf"),
            "«scheda.pdf» non è un file .json",
        ),
        (upload(b"\x89PNG\r\n\x1a\n\x00\x00\xff", name="foto.json"), "non è in codifica UTF-8"),
        (upload('{"hello": "world"}'), "Non è una scheda di buona pratica di CIAO!"),
        (upload(b"", name="vuoto.json"), "Il file è vuoto."),
    ],
    ids=["malformed-json", "not-json", "binary-named-json", "other-json", "empty"],
)
def test_a_bad_file_gets_a_clear_message(client, operatrice, practice, received, file, expected):
    before = snapshot()
    response = post_import(client, operatrice, file, parent=received.pk)
    assert response.status_code == 200
    assert expected in " ".join(response.context["form"].errors["file"])
    assert expected in response.content.decode()
    assert response.context["form"]["parent"].value() == str(received.pk)
    assert snapshot() == before


def test_an_oversized_file_is_not_read_and_her_choices_are_kept(client, operatrice, received, index):
    huge = upload(b'{"format": "ciao-buona-pratica", "x": "' + b"a" * MAX_FILE_BYTES + b'"}', name="enorme.json")
    before = snapshot()
    response = post_import(client, operatrice, huge, parent=received.pk, skip_missing_files="on")
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert "«enorme.json» è troppo grande: al massimo 2 MB" in errors
    assert response.context["form"]["parent"].value() == str(received.pk)
    assert response.context["form"]["skip_missing_files"].value() is True
    assert snapshot() == before


def test_no_file_at_all(client, operatrice, index):
    response = post_import(client, operatrice, "")
    assert response.status_code == 200
    assert "Scegli il file .json della buona pratica." in response.context["form"].errors["file"]


def test_the_form_is_protected_against_cross_site_posts(operatrice, practice):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(operatrice)
    before = snapshot()
    response = client.post(IMPORT_URL, {"file": upload(exported(practice))})
    assert response.status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize(
    "path, label",
    [
        ("practice.ambito", "Ambito"),
        ("practice.contact.email", "E-mail di riferimento"),
        ("practice.steps[1].title", "Passi n. 2 › passo"),
        ("practice.attachments[0].document", "Allegati n. 1 › documento"),
        ("practice.tags[2]", "Etichette n. 3"),
        ("practice.colour", "practice.colour"),
        ("file", "File"),
    ],
)
def test_error_paths_have_italian_names(path, label):
    assert field_label(path) == label
