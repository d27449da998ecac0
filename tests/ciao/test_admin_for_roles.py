"""The admin as each role meets it: its security headers, its menu, its dashboard, its words.

The same journeys run in Chromium (tests/browser/test_contributor_journeys.py);
these tests pin the server's side of them on the demo site.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from practices.models import PracticeIndexPage, PracticePage
from tests.practices.test_admin import complete_form

pytestmark = pytest.mark.django_db

ROLES = ["operatrice", "formatore", "redazione", "admin"]


def logged_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def sidebar_urls(response):
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', response.content.decode(), re.S)
    return sorted({url for url in re.findall(r'"url": "([^"]+)"', props.group(1)) if url.startswith("/admin/")})


def submit_practice(client, username, title):
    index = PracticeIndexPage.objects.get()
    data = complete_form(title=title, slug=slugify(title))
    data["action-submit"] = "1"
    logged_in(client, username).post(f"/admin/pages/add/practices/practicepage/{index.pk}/", data)
    return PracticePage.objects.get(title=title)


def test_the_admin_has_its_own_policy_and_the_public_site_keeps_the_strict_one(client, demo_site):
    admin_policy = logged_in(client, "operatrice").get("/admin/")["Content-Security-Policy"]
    public = client.get("/buone-pratiche/")
    scripts = dict(d.strip().split(" ", 1) for d in public["Content-Security-Policy"].split(";"))["script-src"]
    assert "'unsafe-inline'" in admin_policy.split("script-src")[1].split(";")[0]
    assert "'unsafe-eval'" not in admin_policy and "object-src 'none'" in admin_policy
    assert scripts == "'self'"
    assert public["X-Frame-Options"] == "DENY"
    # The editor's preview panel frames a page of the admin itself.
    assert client.get("/admin/")["X-Frame-Options"] == "SAMEORIGIN"


def test_no_admin_page_asks_gravatar_for_a_face(client, demo_site):
    assert "gravatar" not in logged_in(client, "redazione").get("/admin/").content.decode()


@pytest.mark.parametrize("username", ROLES)
def test_every_menu_item_a_role_sees_opens_without_a_permission_error(client, demo_site, username):
    urls = sidebar_urls(logged_in(client, username).get("/admin/"))
    assert urls
    for url in urls:
        response = client.get(url, follow=True)
        errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"] if response.context else []
        assert response.status_code == 200 and not errors, (url, errors)


def test_contributors_have_no_tag_merging_and_no_site_reports(client, demo_site):
    urls = sidebar_urls(logged_in(client, "operatrice").get("/admin/"))
    assert "/admin/etichette/unisci/" not in urls
    assert not [url for url in urls if url.startswith("/admin/reports/")]
    assert "/admin/etichette/unisci/" in sidebar_urls(logged_in(client, "redazione").get("/admin/"))


@pytest.mark.parametrize(
    ("username", "buttons"),
    [
        ("operatrice", ["Nuova buona pratica", "Nuovo evento"]),
        ("formatore", ["Nuovo materiale"]),
        ("redazione", ["Nuova buona pratica", "Nuovo materiale", "Nuovo evento"]),
    ],
)
def test_the_dashboard_offers_each_role_what_it_may_write(client, demo_site, username, buttons):
    html = logged_in(client, username).get("/admin/").content.decode()
    offered = [label for label in ("Nuova buona pratica", "Nuovo materiale", "Nuovo evento") if label in html]
    assert offered == buttons
    assert ("Da revisionare" in html) == (username == "redazione")
    for panel in ("Le mie bozze", "In revisione", "Pubblicate di recente"):
        assert panel in html


def test_a_submission_shows_in_review_for_its_author_and_to_review_for_the_redazione(client, demo_site):
    practice = submit_practice(client, "operatrice", "Orti sul balcone")
    author_dashboard = client.get("/admin/").content.decode()
    in_review = author_dashboard.split("In revisione")[1].split("Pubblicate di recente")[0]
    assert "Orti sul balcone" in in_review

    html = logged_in(client, "redazione").get("/admin/").content.decode()
    to_review = html.split("Da revisionare")[1].split("Le mie bozze")[0]
    assert "Orti sul balcone" in to_review
    approve = re.search(rf'data-workflow-action-url="(/admin/bacheca/{practice.pk}/approve/\d+/)"', to_review).group(1)
    response = client.post(approve, follow=True)
    assert "«Orti sul balcone» è approvata e pubblicata." in [str(m) for m in response.context["messages"]]
    practice.refresh_from_db()
    assert practice.live


def test_the_redazione_dashboard_costs_the_same_queries_with_two_or_eight_submissions(client, demo_site):
    def queries():
        logged_in(client, "redazione")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/admin/").status_code == 200
        return len(captured)

    for n in range(2):
        submit_practice(client, "operatrice", f"Proposta numero {n}")
    queries()  # caches filled once per process (content types, sites) are not the page's cost
    with_two = queries()
    for n in range(2, 8):
        submit_practice(client, "operatrice", f"Proposta numero {n}")
    assert queries() == with_two


def test_a_typed_date_in_any_italian_form_is_kept_and_a_wrong_one_is_explained(client, demo_site):
    index = PracticeIndexPage.objects.get()
    url = f"/admin/pages/add/practices/practicepage/{index.pk}/"
    html = logged_in(client, "operatrice").get(url).content.decode()
    assert '"validateOnBlur": false' in html  # the picker no longer swaps a typed date for today's

    data = complete_form(title="Data scritta a mano", slug="data-scritta-a-mano", start_date="2021-03-15")
    client.post(url, {**data, "action-draft": "1"})
    assert str(PracticePage.objects.get(title="Data scritta a mano").start_date) == "2021-03-15"

    data = complete_form(title="Data sbagliata", slug="data-sbagliata", start_date="15032021")
    response = client.post(url, {**data, "action-draft": "1"})
    assert response.status_code == 200
    assert "Inserisci una data valida." in response.content.decode()
    assert 'value="15032021"' in response.content.decode()


def test_wagtail_jargon_reads_as_plain_italian(client, demo_site):
    practice = PracticePage.objects.live().first()
    html = logged_in(client, "operatrice").get(f"/admin/pages/{practice.pk}/edit/").content.decode()
    assert "Nome nell&#x27;indirizzo web" in html and "Slug" not in html
    assert "Titolo per i motori di ricerca" in html and "Title tag" not in html
    assert "Pubblica dal" in html and "vai live" not in html.lower()
    documents = client.get("/admin/documents/multiple/add/").content.decode()
    assert "Dimensione massima" in documents and "Maximum filesize" not in documents


def test_yes_no_fields_of_vocabularies_read_si_or_no(client, demo_site):
    html = logged_in(client, "redazione").get("/admin/snippets/ciao/organisation/").content.decode()
    cells = re.sub(r"<[^>]+>", " ", html)
    assert re.search(r"\bSì\b", cells) and not re.search(r"\b(True|False)\b", cells)
