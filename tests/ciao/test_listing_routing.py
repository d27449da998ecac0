"""An index page finds its child in one query, and its own sub-pages still come first."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.practices import make_practice, practice_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return practice_index(home)


def queries(client, url):
    client.get(url)  # the first request of a process fills caches that later ones reuse
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured]


def test_a_practice_is_read_with_its_ambito_and_lead_organisation_in_one_query(client, index):
    practice = make_practice(index, title="Antenne di quartiere")
    response, sqls = queries(client, practice.url)
    assert response.status_code == 200
    assert "Antenne di quartiere" in response.content.decode()
    own_rows = [sql for sql in sqls if 'FROM "practices_practicepage"' in sql and "ciao_ambito" in sql]
    assert len(own_rows) == 1, own_rows
    # Neither the ambito nor the lead organisation is asked for on its own.
    assert not [sql for sql in sqls if sql.startswith('SELECT "ciao_ambito"') and "WHERE" in sql]
    assert not [sql for sql in sqls if 'FROM "ciao_organisation" WHERE "ciao_organisation"."id" =' in sql]


def test_the_index_sub_pages_come_before_a_practice_with_the_same_slug(client, index):
    make_practice(index, title="Una pratica chiamata feed", slug="feed")
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")


def test_a_draft_or_a_missing_practice_is_not_found(client, index):
    draft = make_practice(index, title="Bozza", publish=False)
    assert client.get(f"{index.url}{draft.slug}/").status_code == 404
    assert client.get(f"{index.url}non-esiste/").status_code == 404


def test_a_practice_sub_page_is_reached_through_the_index(client, index):
    practice = make_practice(index, title="Antenne di quartiere")
    response = client.get(practice.url + "esporta/")
    assert response.status_code == 200
    assert response.json()["practice"]["title"] == "Antenne di quartiere"
