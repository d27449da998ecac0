import pytest
from django.urls import reverse
from taggit.models import Tag

from ciao.roles import OPERATORI, REDAZIONE
from ciao.tags import merge_tags
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_merging_moves_every_use_to_the_target_once(tagged):
    first, second = tagged
    target = Tag.objects.get(slug="tirocini")
    count = merge_tags([Tag.objects.get(slug="tirocinio")], target)
    assert count == 1
    assert not Tag.objects.filter(slug="tirocinio").exists()
    fresh = PracticePage.objects.get(pk=second.pk)
    assert list(fresh.tags.values_list("slug", flat=True)) == ["tirocini"]


def test_redazione_merges_tags_in_the_admin(client, make_user, tagged):
    client.force_login(make_user(REDAZIONE))
    response = client.post(
        reverse("ciao_merge_tags"),
        {"sources": [Tag.objects.get(slug="tirocinio").pk], "target": Tag.objects.get(slug="tirocini").pk},
    )
    assert response.status_code == 302
    assert not Tag.objects.filter(slug="tirocinio").exists()


def test_merge_form_explains_an_empty_choice(client, make_user, tagged):
    client.force_login(make_user(REDAZIONE))
    tag = Tag.objects.get(slug="tirocini")
    response = client.post(reverse("ciao_merge_tags"), {"sources": [tag.pk], "target": tag.pk})
    assert response.status_code == 200
    assert "diversa da quella di destinazione" in response.content.decode()


def test_operatori_cannot_merge_tags(client, make_user, tagged):
    client.force_login(make_user(OPERATORI))
    response = client.post(
        reverse("ciao_merge_tags"),
        {"sources": [Tag.objects.get(slug="tirocinio").pk], "target": Tag.objects.get(slug="tirocini").pk},
    )
    assert response.status_code in (302, 403)
    assert Tag.objects.filter(slug="tirocinio").exists()
