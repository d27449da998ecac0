"""The demo site's monitoring, as `make run` shows it: «membro» sits in the Cabina di Regia and reads
figures in every section."""

import pytest

from tests.community.test_monitoring import URL, table

pytestmark = pytest.mark.django_db


def test_the_demo_member_reads_the_monitoring_with_figures_in_every_section(demo_site, client):
    from django.contrib.auth import get_user_model

    from community.access import may_monitor

    user = get_user_model().objects.get(username="membro")
    assert may_monitor(user)
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    for series in ("pratiche", "materiali", "eventi", "adozioni"):
        assert int(table(response, series)["Tutti gli ambiti"][-1]) > 0, series
    phases = table(response, "fasi")
    assert len(phases) >= 7 + 2  # two header rows, then the seven phases of the CIAO path
    assert table(response, "indicatore-1")
