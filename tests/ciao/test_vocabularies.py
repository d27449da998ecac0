import pytest

from ciao.models import Ambito, Comune, Organisation, TargetGroup, Theme

pytestmark = pytest.mark.django_db


def test_the_four_ambiti_of_the_programme_exist_with_their_comuni():
    comuni = {ambito.name: sorted(ambito.comuni.values_list("name", flat=True)) for ambito in Ambito.objects.all()}
    assert set(comuni) == {"Sud Est Milano", "Visconteo Sud Milano", "Corsichese", "Paullese"}
    assert len(comuni["Sud Est Milano"]) == 9
    assert "San Donato Milanese" in comuni["Sud Est Milano"]
    assert len(comuni["Visconteo Sud Milano"]) == 11
    assert "Rozzano" in comuni["Visconteo Sud Milano"]
    # The programme names Cesano Boscone on its own; it belongs to the Corsichese.
    assert comuni["Corsichese"] == [
        "Assago",
        "Buccinasco",
        "Cesano Boscone",
        "Corsico",
        "Cusago",
        "Trezzano sul Naviglio",
    ]
    assert comuni["Paullese"] == ["Paullo"]


def test_comuni_carry_their_istat_codes():
    assert Comune.objects.get(name="Melegnano").istat_code == "015140"
    assert not Comune.objects.filter(istat_code="").exists()


def test_the_twenty_partners_are_seeded_with_their_kind():
    partners = Organisation.objects.filter(is_partner=True)
    assert partners.count() == 20
    assert partners.filter(kind=Organisation.Kind.PUBLIC).count() == 7
    assert partners.filter(kind=Organisation.Kind.THIRD_SECTOR).count() == 13
    lead = partners.get(is_lead_partner=True)
    assert lead.name == "A.S.S.E.MI"
    for name in [
        "Città Metropolitana di Milano",
        "ASST Melegnano Martesana",
        "AFOL",
        "Coop. Stripes",
        "Consorzio SIR",
        "Fondazione Somaschi Onlus",
        "La Strada",
    ]:
        assert partners.filter(name=name).exists(), name
    # The anti-violence networks support the programme without being partners.
    assert Organisation.objects.filter(kind=Organisation.Kind.SUPPORTER, is_partner=False).count() == 2


def test_the_four_ciao_axes_are_the_themes_in_order():
    assert list(Theme.objects.values_list("name", flat=True)) == [
        "Capacitazione",
        "Inclusione",
        "Attivazione",
        "Occupazione",
    ]


def test_target_groups_include_the_programmes_recipients():
    names = set(TargetGroup.objects.values_list("name", flat=True))
    assert {"Donne", "Giovani", "Famiglie"} <= names


def test_vocabulary_slugs_are_filled_from_the_name():
    theme = Theme.objects.create(name="Abitare e casa")
    assert theme.slug == "abitare-e-casa"
