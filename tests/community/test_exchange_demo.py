"""The demo site's adoptions between the ambiti and its questions, as `make run` shows them."""

import io

import pytest

pytestmark = pytest.mark.django_db


def test_the_demo_has_published_adoptions_between_the_ambiti_and_one_waiting(demo_site, client):
    from community.models import Adoption
    from practices.models import PracticePage

    published = Adoption.objects.filter(status=Adoption.Status.PUBLISHED).select_related("practice__ambito", "ambito")
    pairs = {(a.practice.ambito.slug, a.ambito.slug) for a in published}
    assert len(published) >= 3 and len({slug for pair in pairs for slug in pair}) >= 3
    assert all(origin != target for origin, target in pairs)
    assert Adoption.objects.filter(status=Adoption.Status.IN_REVIEW).count() == 1
    practice = PracticePage.objects.get(slug="tirocini-di-inclusione-nelle-imprese")
    assert "Adottata anche a" in client.get(practice.url).content.decode()


def test_the_demo_has_answered_questions_some_public(demo_site, client):
    from community.models import Question

    public = Question.objects.public()
    assert public.count() >= 2
    assert Question.objects.filter(answers__isnull=True).exists()
    page = public.first().page.specific
    assert public.first().text in client.get(page.url).content.decode()


def test_seeding_again_changes_nothing(demo_site):
    from django.core.management import call_command

    from community.models import Adoption, AdoptionIndicator, Answer, Question

    def counts():
        return [model.objects.count() for model in (Adoption, AdoptionIndicator, Question, Answer)]

    before = counts()
    call_command("seed_demo", "--skip-index", stdout=io.StringIO())
    assert counts() == before
