"""What the practice model itself guarantees: derived status, text rules, search and API fields."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.search import index as search_index

from practices.models import InterventionModelPage, PracticeIndicator, PracticePage, PracticeStatus
from practices.text import validate_plain_text, validate_rich_text, validate_summary_length
from tests.factories.practices import make_practice

pytestmark = pytest.mark.django_db


def test_status_and_year_follow_the_dates(index):
    ongoing = make_practice(index, start_date=datetime.date(2020, 9, 1), end_date=None)
    ended = make_practice(index, start_date=datetime.date(2020, 9, 1), end_date=datetime.date(2021, 12, 31))
    assert (ongoing.status, ongoing.start_year) == (PracticeStatus.ONGOING, 2020)
    assert (ended.status, ended.start_year) == (PracticeStatus.COMPLETED, 2020)


def test_summary_allows_100_words_and_no_more():
    validate_summary_length("parola " * 100)
    with pytest.raises(ValidationError, match="Al massimo 100 parole: questo testo ne ha 101"):
        validate_summary_length("parola " * 101)


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script>", "ciao <b>tutti</b>", "<!-- nascosto -->", "<img src=x onerror=y>"]
)
def test_plain_text_refuses_markup(text):
    with pytest.raises(ValidationError, match="senza codice HTML"):
        validate_plain_text(text)


@pytest.mark.parametrize("text", ["età < 30 anni e > 18", "A&I SCS Onlus", "3 < 5", "«virgolette»"])
def test_plain_text_accepts_ordinary_symbols(text):
    validate_plain_text(text)


def test_rich_text_allows_the_editor_markup_only():
    validate_rich_text(
        '<p data-block-key="x1">Un <b>testo</b> con <a href="https://example.org">link</a></p><ul><li>uno</li></ul>'
    )
    with pytest.raises(ValidationError, match="<script>"):
        validate_rich_text("<p>ok</p><script>alert(1)</script>")


def test_indicator_units_are_stored_in_one_spelling(index):
    page = make_practice(index, indicators=[("Persone", "3", "  Persone  Accolte ", 2021)])
    assert page.indicators.get().unit == "persone accolte"
    assert PracticeIndicator(value=Decimal("1234.50")).value_display == "1.234,5"


def search_field_names(model, kind):
    return {f.field_name for f in model.get_search_fields() if isinstance(f, kind)}


def test_search_fields_let_the_site_search_filter_and_facet():
    filters = search_field_names(PracticePage, search_index.FilterField)
    assert {"ambito", "comuni", "themes", "target_groups", "status", "start_year"} <= filters
    assert "title" in search_field_names(PracticePage, search_index.AutocompleteField)
    boosts = {
        f.field_name: f.boost for f in PracticePage.get_search_fields() if isinstance(f, search_index.SearchField)
    }
    assert boosts["summary"] == 3
    related = search_field_names(PracticePage, search_index.RelatedFields)
    assert {"themes", "ambito", "tags", "steps", "target_groups"} <= related


def test_search_filters_on_declared_fields(index):
    make_practice(index, title="Orti condivisi", ambito="corsichese", start_date=datetime.date(2021, 4, 1))
    results = PracticePage.objects.live().filter(status=PracticeStatus.ONGOING, start_year=2021).search("orti")
    assert [p.title for p in results] == ["Orti condivisi"]


def test_api_fields_carry_structure_and_vocabulary_names():
    names = {f.name for f in PracticePage.api_fields}
    assert {
        "summary",
        "ambito",
        "comuni",
        "themes",
        "target_groups",
        "tags",
        "indicators",
        "steps",
        "attachments",
        "lead_organisation",
        "start_date",
        "end_date",
        "status",
    } <= names
    assert {f.name for f in InterventionModelPage.api_fields} == {"intro", "phases"}


def test_api_serialises_vocabularies_by_name_and_slug(index):
    page = make_practice(index, ambito="paullese", themes=["inclusione"])
    field = next(f for f in PracticePage.api_fields if f.name == "themes")
    assert field.serializer.to_representation(page.themes) == [{"name": "Inclusione", "slug": "inclusione"}]
