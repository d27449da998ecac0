"""The data migrations go back and forth.

Only transactional tests here: pytest-django runs them after the others and
they leave the database flushed, so a module that mixed them with ordinary
tests would be scheduled early (pytest-xdist keeps modules whole) and empty
the database under the tests that follow on that worker.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_vocabulary_and_role_migrations_reverse_and_reapply():
    from django.contrib.auth.models import Group

    from ciao.models import Ambito

    executor = MigrationExecutor(connection)
    call_command("migrate", "ciao", "0001", verbosity=0)
    assert not Ambito.objects.exists()
    assert not Group.objects.filter(name="Redazione").exists()
    call_command("migrate", verbosity=0)  # ciao and the apps that depend on it
    assert Ambito.objects.count() == 4
    assert Group.objects.filter(name__in=["Redazione", "Operatori", "Formatori"]).count() == 3
    assert executor.loader.graph.leaf_nodes("ciao")
