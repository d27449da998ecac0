"""The resources app's data migrations go back and forth."""

import pytest
from django.core.management import call_command


# No serialized_rollback: another transactional test may have migrated an app we
# depend on backwards, and restoring its snapshot would then fail. The test sets
# up what it needs itself.
@pytest.mark.django_db(transaction=True)
def test_audiences_and_their_permissions_reverse_and_reapply():
    from django.contrib.auth.models import Group

    from resources.models import Audience

    call_command("migrate", verbosity=0)
    redazione, _ = Group.objects.get_or_create(name="Redazione")

    def redazione_may_change_audiences():
        return redazione.permissions.filter(codename="change_audience").exists()

    call_command("migrate", "resources", "0003", verbosity=0)
    assert not Audience.objects.exists() and not redazione_may_change_audiences()
    call_command("migrate", "resources", verbosity=0)
    assert set(Audience.objects.values_list("slug", flat=True)) == {"operatori", "formatori", "cittadini", "volontari"}
    assert redazione_may_change_audiences()
