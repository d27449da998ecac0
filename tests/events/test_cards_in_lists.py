"""Event cards in lists made elsewhere (tag pages, search) read their place without a query each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_a_tag_page_of_events_costs_the_same_queries_whatever_it_lists(client, make_event, now):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/tag/laboratorio/")
        assert response.status_code == 200
        return response.context["total"], len(captured)

    for _ in range(2):
        make_event(tags=["laboratorio"])
    client.get("/tag/laboratorio/")  # caches warmed (site root, settings)
    few_total, few = queries()
    for _ in range(10):
        make_event(tags=["laboratorio"])
    many_total, many = queries()

    assert (few_total, many_total) == (2, 12)
    assert many == few
