"""Exchange between ambiti: export a practice as JSON, import it elsewhere as a draft, or nothing."""

import copy
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.models import Page, Revision

from practices.exchange.export import export_practice
from practices.exchange.importer import import_practice
from practices.exchange.validation import PracticeImportError
from practices.models import PracticeIndicator, PracticePage
from tests.factories.practices import make_document, make_practice, practice_index

pytestmark = pytest.mark.django_db

VOLATILE = ("exported_at", "source_url")


@pytest.fixture
def practice(index):
    document = make_document(title="Scheda di sintesi")
    return make_practice(
        index,
        title="Antenne di quartiere",
        ambito="sud-est-milano",
        themes=["inclusione", "attivazione"],
        targets=["donne", "giovani"],
        tags=["scouting", "quartieri"],
        indicators=[("Persone segnalate", "112", "persone", 2021), ("Ore", "12.5", "ore", None)],
        attachments=[(document, "CC-BY-SA-4.0")],
        end_date=datetime.date(2022, 6, 30),
        context='<p data-block-key="a1">Un <b>bisogno</b> con un <a href="https://example.org/">link</a>.</p>',
    )


@pytest.fixture
def other_site_index(home):
    return practice_index(home, slug="pratiche-ricevute", title="Pratiche ricevute")


def exported(page):
    data = export_practice(page)
    for key in VOLATILE:
        data.pop(key)
    return data


def snapshot():
    """What an import may create: everything must stay the same after a refused one."""
    return (Page.objects.count(), Revision.objects.count(), Tag.objects.count(), PracticeIndicator.objects.count())


def test_export_then_import_preserves_every_field(practice, other_site_index):
    original = exported(practice)
    page, imported = import_practice(json.dumps(export_practice(practice)), parent=other_site_index)
    page = PracticePage.objects.get(pk=page.pk)
    again = exported(page)
    assert again["practice"].pop("slug") == original["practice"].pop("slug")
    assert again == original
    assert imported.skipped_files == []


def test_every_field_of_the_record_is_exported(practice):
    keys = set(export_practice(practice)["practice"])
    assert keys >= {
        "title",
        "summary",
        "ambito",
        "comuni",
        "start_date",
        "end_date",
        "themes",
        "target_groups",
        "tags",
        "image",
        "lead_organisation",
        "partner_organisations",
        "contact",
        "context",
        "objectives",
        "steps",
        "staff",
        "budget",
        "funding_source",
        "results",
        "indicators",
        "evidence",
        "lessons_learnt",
        "transferability",
        "attachments",
    }


def test_an_import_is_a_draft_for_the_redazione(practice, other_site_index, make_user):
    owner = make_user("Operatori")
    page, _ = import_practice(export_practice(practice), parent=other_site_index, owner=owner)
    page.refresh_from_db()
    assert not page.live and page.has_unpublished_changes
    assert page.owner == owner and page.get_latest_revision() is not None


def test_an_import_next_to_its_original_gets_its_own_slug(practice, index):
    page, _ = import_practice(export_practice(practice), parent=index)
    assert page.slug == f"{practice.slug}-2"


def refused(data, **kwargs):
    before = snapshot()
    with pytest.raises(PracticeImportError) as error:
        import_practice(data, **kwargs)
    assert snapshot() == before, "a refused import must create nothing"
    return dict(error.value.errors)


def test_malformed_json_is_refused_with_the_line(practice):
    errors = refused('{"format": "ciao-buona-pratica", "practice": {')
    assert "non è un JSON valido" in errors["file"] and "riga 1" in errors["file"]


def test_a_file_that_is_not_an_exchange_file_is_refused(practice):
    assert "Non è una scheda" in refused('{"hello": "world"}')["format"]
    assert "Non è una scheda" in refused("[1, 2, 3]")["format"]


def test_an_unknown_ambito_is_named(practice):
    data = export_practice(practice)
    data["practice"]["ambito"] = {"slug": "atlantide", "name": "Atlantide"}
    errors = refused(data)
    assert "Atlantide" in errors["practice.ambito"] and "Sud Est Milano" in errors["practice.ambito"]


def test_a_summary_over_100_words_is_refused(practice):
    data = export_practice(practice)
    data["practice"]["summary"] = "parola " * 150
    assert "Al massimo 100 parole" in refused(data)["practice.summary"]


@pytest.mark.parametrize(
    "field, value",
    [
        ("context", "<p>Ciao</p><script>alert(1)</script>"),
        ("results", '<p onclick="alert(1)">Risultati</p>'),
        ("evidence", '<a href="javascript:alert(1)">clic</a>'),
        ("objectives", "<iframe src='https://example.org'></iframe>"),
    ],
)
def test_hostile_markup_in_rich_text_is_refused(practice, field, value):
    data = export_practice(practice)
    data["practice"][field] = value
    assert "HTML non ammesso" in refused(data)[f"practice.{field}"]


def test_markup_in_plain_text_fields_is_refused(practice):
    data = export_practice(practice)
    data["practice"]["title"] = "Pratica <script>alert(1)</script>"
    data["practice"]["steps"][0]["title"] = "<b>Passo</b>"
    errors = refused(data)
    assert "senza codice HTML" in errors["practice.title"]
    assert "senza codice HTML" in errors["practice.steps[0].title"]


def test_every_problem_is_listed_at_once_with_its_field(practice):
    data = copy.deepcopy(export_practice(practice))
    data["practice"].update(
        comuni=[{"slug": "paullo", "name": "Paullo"}],
        start_date="26/11/2026",
        budget="tanti",
        contact={"name": "A", "email": "non-una-mail", "phone": ""},
        colour="blu",
    )
    data["practice"]["indicators"][0]["value"] = "molti"
    errors = refused(data)
    assert set(errors) >= {
        "practice.comuni",
        "practice.start_date",
        "practice.budget",
        "practice.contact.email",
        "practice.colour",
        "practice.indicators[0].value",
    }


def test_a_missing_attachment_file_is_named_unless_files_are_skipped(practice, other_site_index):
    data = export_practice(practice)
    data["practice"]["attachments"][0]["document"]["sha1"] = "0" * 40
    assert "non è su questo sito" in refused(data)["practice.attachments[0].document"]
    page, imported = import_practice(data, parent=other_site_index, skip_missing_files=True)
    assert page.attachments.count() == 0
    assert "Scheda di sintesi" in imported.skipped_files[0]


def test_the_command_imports_a_file_and_says_so(practice, other_site_index, tmp_path):
    path = tmp_path / "pratica.json"
    path.write_text(json.dumps(export_practice(practice)), encoding="utf-8")
    out = io.StringIO()
    call_command("import_practice", str(path), "--parent", other_site_index.slug, stdout=out)
    assert "Bozza creata" in out.getvalue()
    assert PracticePage.objects.child_of(other_site_index).get().title == "Antenne di quartiere"


def test_the_command_reports_errors_and_creates_nothing(practice, tmp_path):
    path = tmp_path / "rotto.json"
    path.write_text('{"format": "ciao-buona-pratica", "version": 1, "practice": {"title": "x"}}', encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError) as error:
        call_command("import_practice", str(path))
    assert "non è stato creato nulla" in str(error.value)
    assert "practice.ambito" in str(error.value) and "practice.summary" in str(error.value)
    assert snapshot() == before


def test_export_command_writes_the_live_practice(practice, tmp_path):
    path = tmp_path / "out.json"
    call_command("export_practice", practice.slug, "--output", str(path))
    assert json.loads(path.read_text(encoding="utf-8"))["practice"]["title"] == "Antenne di quartiere"


def test_the_public_export_is_json_of_the_published_version(client, practice):
    practice.title = "Titolo ancora in bozza"
    practice.save_revision()
    response = client.get(practice.url + "esporta/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    assert json.loads(response.content)["practice"]["title"] == "Antenne di quartiere"


def test_drafts_and_private_practices_are_not_exported(client, index):
    draft = make_practice(index, publish=False)
    private = make_practice(index, private=True)
    assert client.get(draft.url + "esporta/").status_code == 404
    response = client.get(private.url + "esporta/")
    assert response.status_code == 302 and response["Location"].startswith("/accedi/?next=")
