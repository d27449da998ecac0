"""The database's schema at the archive's migration state, and forward again after loading."""

import io

from django.core.management import call_command
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader


def leaves(applied):
    """The last applied migration of each app: (app, name) that no other applied one of its app follows."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    nodes = {(app, name) for app, names in applied.items() for name in names}
    nodes &= set(loader.graph.nodes)
    earlier = {
        parent.key for node in nodes for parent in loader.graph.node_map[node].parents if parent.key[0] == node[0]
    }
    return sorted(nodes - earlier)


def is_current(applied):
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return set(leaves(applied)) == set(loader.graph.leaf_nodes())


def migrate_to(applied, connection, verbosity=0):
    """Bring the database to the archive's migration state (for a current archive: all of them)."""
    if is_current(applied):
        call_command("migrate", interactive=False, verbosity=verbosity, stdout=io.StringIO())
        return
    # Older archive: one plan to every app's last applied migration (apps it did not have: none).
    executor = MigrationExecutor(connection)
    targets = leaves(applied)
    targets += [(app, None) for app in sorted(executor.loader.migrated_apps - {app for app, _name in targets})]
    connection.prepare_database()
    executor.migrate(targets, plan=executor.migration_plan(targets))


def state_apps(applied):
    """The models as they were at the archive's migration state."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return loader.project_state(leaves(applied), at_end=True).apps


def migrate_forward(verbosity=0):
    call_command("migrate", interactive=False, verbosity=verbosity, stdout=io.StringIO())
