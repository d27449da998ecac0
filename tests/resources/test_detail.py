"""A material's page: what it shows before any click, and at what cost."""

import datetime

import pytest
from django.template.defaultfilters import filesizeformat
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import PageViewRestriction

from ciao.demo import ensure_child
from ciao.models import Organisation, StandardPage, Theme
from resources.models import Audience, ResourceFile, ResourceLink
from resources.models.parts import ResourceRelatedPractice
from tests.factories.resources import make_document

pytestmark = pytest.mark.django_db


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_each_file_shows_its_title_format_and_size_before_the_click(client, material_builder):
    pdf = make_document("pdf", title="Guida per chi conduce")
    odt = make_document("odt", title="Quaderno della persona")
    page = material_builder("Bilancio di competenze", documents=[pdf, odt])
    html = html_of(client, page)
    assert f'href="{pdf.url}"' in html
    assert "Guida per chi conduce" in html
    with translation.override("it"):
        assert f"PDF, {filesizeformat(pdf.file_size)}" in html
        assert f"OpenDocument testo (ODT), {filesizeformat(odt.file_size)}" in html


def test_a_file_title_on_the_material_replaces_the_document_title(client, material_builder):
    document = make_document("docx", title="doc_finale_v3")
    page = material_builder("Scheda")
    page.files = [ResourceFile(document=document, title="Scheda da compilare")]
    page.save_revision().publish()
    html = html_of(client, page)
    assert "Scheda da compilare" in html
    assert "doc_finale_v3" not in html


def test_licence_is_shown_by_name_with_its_link_and_what_it_permits(client, material_builder):
    page = material_builder("Guida", licence="cc-by-sa-4.0")
    html = html_of(client, page)
    assert 'href="https://creativecommons.org/licenses/by-sa/4.0/deed.it" rel="license"' in html
    assert "Creative Commons Attribuzione - Condividi allo stesso modo 4.0 Internazionale" in html
    assert "deve condividerlo con la stessa licenza" in html


def test_all_rights_reserved_is_named_without_a_link(client, material_builder):
    html = html_of(client, material_builder("Casi", licence="tutti-i-diritti-riservati"))
    assert "Tutti i diritti riservati" in html
    assert 'rel="license"' not in html
    assert "serve il permesso" in html


def test_record_fields_are_shown(client, material_builder):
    organisation = Organisation.objects.get(name="AFOL")
    page = material_builder(
        "Corso",
        kind="modulo-formativo",
        level="intermedio",
        duration="3 incontri da 2 ore",
        language="mul",
        authors="Roberta Galli",
        organisation=organisation,
        revised_on=datetime.date(2022, 9, 5),
        learning_objectives="<ul><li>Riconoscere le competenze informali</li></ul>",
        audiences=[Audience.objects.get(slug="formatori")],
        themes=[Theme.objects.get(slug="capacitazione")],
        tags=["bilancio di competenze"],
    )
    html = html_of(client, page)
    for text in [
        "Modulo formativo",
        "Intermedio",
        "3 incontri da 2 ore",
        "Più lingue",
        "Roberta Galli",
        "AFOL",
        '<time datetime="2022-09-05">5 settembre 2022</time>',
        "Riconoscere le competenze informali",
        "Formatori",
        "Capacitazione",
        'href="/tag/bilancio-di-competenze/"',
    ]:
        assert text in html, text


def test_without_a_revision_date_the_last_publication_date_is_shown(material_builder):
    page = material_builder("Senza data")
    assert page.last_revised == page.last_published_at.date()


def test_the_citation_names_authors_title_year_licence_and_address(client, material_builder):
    page = material_builder("Guida", authors="Anna Ricci", revised_on=datetime.date(2023, 3, 8))
    html = html_of(client, page)
    assert "Anna Ricci, «Guida», 2023. Licenza: CC BY 4.0." in html


def test_external_links_are_listed(client, material_builder):
    page = material_builder("Video")
    page.links = [ResourceLink(title="Il video della simulazione", url="https://video.example.org/x")]
    page.save_revision().publish()
    html = html_of(client, page)
    assert 'href="https://video.example.org/x"' in html
    assert "Il video della simulazione" in html


def test_related_pages_show_only_when_live_and_public(client, home, material_builder):
    shown = ensure_child(home, StandardPage, title="Pratica pubblica", slug="pubblica")[0]
    draft = ensure_child(home, StandardPage, title="Pratica in bozza", slug="bozza", publish=False)[0]
    draft.live = False
    draft.save()
    private = ensure_child(home, StandardPage, title="Pratica riservata", slug="riservata")[0]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    page = material_builder("Materiale")
    page.related_practices = [ResourceRelatedPractice(practice=p) for p in (shown, draft, private)]
    page.save_revision().publish()
    html = html_of(client, page)
    assert "Pratica pubblica" in html
    assert "Pratica in bozza" not in html
    assert "Pratica riservata" not in html


def test_other_materials_on_the_same_themes_are_suggested_but_never_drafts(client, material_builder):
    theme = Theme.objects.get(slug="occupazione")
    page = material_builder("Curriculum", themes=[theme])
    material_builder("Colloquio di lavoro", themes=[theme])
    material_builder("Bozza sul lavoro", themes=[theme], publish=False)
    html = html_of(client, page)
    assert "Altri materiali sugli stessi temi" in html
    assert "Colloquio di lavoro" in html
    assert "Bozza sul lavoro" not in html


def test_a_preview_shows_files_not_yet_saved(material_builder, make_user):
    page = material_builder("Anteprima")
    document = make_document("odt", title="File appena scelto")
    page.files = [ResourceFile(document=document)]  # in memory only, as in the editor's preview
    request = RequestFactory().get("/")
    request.user = make_user()
    response = page.serve_preview(request, page.default_preview_mode)
    assert "File appena scelto" in response.rendered_content


# The whole page: the material plus what base.html costs (site, menu, breadcrumb, footer).
DETAIL_MAX_QUERIES = 25  # measured: 25 (the page found in one query, its foreign keys with it)


def _grow(material_builder, home, page, start, stop):
    """More materials on the site, and more files, links and related pages on ``page``."""
    theme = Theme.objects.get(slug="inclusione")
    for n in range(start, stop):
        material_builder(f"Altro {n}", themes=[theme])
    files = list(page.files.all())
    links = list(page.links.all())
    related = list(page.related_practices.all())
    for n in range(len(files), stop // 5):
        files.append(ResourceFile(document=make_document("txt", title=f"File {n}", name=f"file-{n}.txt")))
        links.append(ResourceLink(title=f"Link {n}", url=f"https://example.org/{n}"))
        other = ensure_child(home, StandardPage, title=f"Pratica {n}", slug=f"pratica-{n}")[0]
        related.append(ResourceRelatedPractice(practice=other))
    page.files, page.links, page.related_practices = files, links, related
    page.save_revision().publish()


def test_detail_costs_the_same_queries_with_10_and_100_materials(
    client, home, material_builder, django_assert_max_num_queries
):
    page = material_builder(
        "Materiale",
        themes=[Theme.objects.get(slug="inclusione")],
        audiences=list(Audience.objects.all()),
        tags=["uno", "due"],
        organisation=Organisation.objects.first(),
    )
    measured = {}
    for start, stop in [(0, 10), (10, 100)]:
        _grow(material_builder, home, page, start, stop)
        client.get(page.url)
        with django_assert_max_num_queries(DETAIL_MAX_QUERIES) as captured:
            response = client.get(page.url)
        assert response.status_code == 200
        measured[stop] = len(captured)
    print(f"detail queries: {measured}")
    assert measured[10] == measured[100]
