"""A NUL character in an address (scripts send them; nobody types one) never becomes an error page.

PostgreSQL refuses NUL in text, so a value looked up as it came would fail the query
there while SQLite takes it: these addresses are tried on both (`.ci/run`).
"""

import pytest

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/area-riservata/cerca/?q=x&gruppo=%00",
    "/area-riservata/persone/?ambito=%00&tag=%00&organizzazione=%00",
    "/area-riservata/monitoraggio/?dal=%00&al=%00",
    "/area-riservata/adozioni/nuova/?pratica=%00",
    "/area-riservata/calendario/%00.ics",
    "/area-riservata/invito/%00/",
    "/segui/%00/",
    "/segui/?tema=%00&pagina=%00&ambito=%00&tag=%00&gruppo=%00",
    "/cerca/?q=%00&tema=%00&tipo=%00&ambito=%00",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_nul_in_an_address_gets_a_page_not_an_error(client, member, make_user, address):
    assert client.get(address).status_code < 500
    client.force_login(member.user)
    assert client.get(address).status_code < 500
    client.force_login(make_user("Redazione"))
    assert client.get(address).status_code < 500
