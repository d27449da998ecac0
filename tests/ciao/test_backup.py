"""Backup and restore (issue 17): ``manage.py backup`` then ``manage.py restore`` gives the same site.

The demo site (``seed_demo``) with one image and its rendition is backed up once,
then restored once into each target, as an operator would, in processes of their own:

- an empty data folder on SQLite (a fresh ``CIAO_DATA_DIR``);
- an empty PostgreSQL database (``ciao_restore_<pid>`` on 127.0.0.1:5432, or on the
  server of ``DATABASE_URL``), created and dropped here; skipped if no server answers.

When the suite itself runs on PostgreSQL, the SQLite target is the engine change the
other way round. Each target must show the same pages (live or draft, revisions),
documents and images (same bytes), users (same password hash, the password still
accepted), groups and permissions, and the same search results as the source. The
archives the restore must refuse are tried in this process: it refuses before it
changes anything.
"""

import io
import json
import os
import subprocess
import sys
import tarfile
import time
import urllib.parse
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
TARGETS = ["sqlite", "postgresql"]

# Run in this process on the source and by `manage.py shell -c` on each target: what
# must come back. Pages and files by key: ids survive a restore.
FINGERPRINT = """
import hashlib
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

QUERIES = ["tirocini", "inclusione", "laboratorio", "giovani", "comunità di pratica"]


def sha256(field_file):
    with field_file.storage.open(field_file.name, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def revision_digest(page):
    revision = page.get_latest_revision()
    return revision and hashlib.sha256(json.dumps(revision.content, sort_keys=True).encode()).hexdigest()


def fingerprint():
    images = get_image_model()
    return {
        "pages": {
            str(p.pk): [p.url_path, p.title, p.live, p.has_unpublished_changes, p.revisions.count(),
                        p.specific_class.__name__, revision_digest(p)]
            for p in Page.objects.order_by("path")
        },
        "documents": {str(d.pk): [d.title, d.file.name, sha256(d.file)] for d in get_document_model().objects.all()},
        "images": {
            str(i.pk): [i.title, i.width, i.height, sha256(i.file), sorted(sha256(r.file) for r in i.renditions.all())]
            for i in images.objects.all()
        },
        "users": {
            u.username: [u.password, u.is_active, u.is_superuser, sorted(u.groups.values_list("name", flat=True)),
                         u.check_password("ciao-demo-2020")]
            for u in get_user_model().objects.all()
        },
        "groups": {
            g.name: sorted(f"{p.content_type.app_label}.{p.codename}" for p in g.permissions.all())
            for g in Group.objects.all()
        },
        "page_permissions": sorted(
            [p.group.name, p.page.url_path, p.permission.codename] for p in GroupPagePermission.objects.all()
        ),
        "collection_permissions": sorted(
            [p.group.name, p.collection.name, p.permission.codename] for p in GroupCollectionPermission.objects.all()
        ),
        "search": {q: sorted(p.pk for p in Page.objects.live().public().search(q)) for q in QUERIES},
    }


def new_rows_get_new_ids():
    # After the ids the archive brought: PostgreSQL's sequences must have been moved past them.
    group = Group.objects.create(name="Nuovo gruppo dopo il ripristino")
    user = get_user_model().objects.create_user("nuova-utente", password="una-password-lunga-2026")
    return group.pk > 0 and user.pk > 0
"""


def target_env(data, database_url=None):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ENV", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    # tests.settings: the suite's password hasher, which made the source's hashes.
    env.update({"CIAO_DATA_DIR": str(data), "DJANGO_SETTINGS_MODULE": "tests.settings"})
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def start(env, *args):
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process, timeout=600):
    stdout, stderr = process.communicate(timeout=timeout)
    assert process.returncode == 0, stdout[-2000:] + stderr[-4000:]
    return stdout


class RestoreDatabase:
    """An empty PostgreSQL database of this module's own, never the suite's ``test``."""

    def __init__(self):
        url = os.environ.get("DATABASE_URL", "")
        server = url.rsplit("/", 1)[0] if url.startswith("postgres") else PG_SERVER
        self.name = f"ciao_restore_{os.getpid()}"
        self.url = f"{server}/{self.name}"
        self.admin_url = f"{server}/postgres"

    def _run(self, sql):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql)

    def create(self):
        """True once created; False (with the reason kept) if no PostgreSQL server answers."""
        import psycopg

        try:
            self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self._run(f'CREATE DATABASE "{self.name}"')
        except psycopg.OperationalError as error:
            self.unreachable = f"PostgreSQL at {urllib.parse.urlsplit(self.admin_url).netloc} unreachable: {error}"
            return False
        return True

    def drop(self):
        self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def add_image_with_rendition(tmp_path):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model

    path = tmp_path / "foto-laboratorio.png"
    PILImage.new("RGB", (640, 480), (0, 102, 204)).save(path)
    with open(path, "rb") as f:
        image = get_image_model().objects.create(title="Foto del laboratorio", file=ImageFile(f, name=path.name))
    image.get_rendition("fill-200x150")


def run_fingerprint():
    namespace = {"json": json}
    exec(FINGERPRINT, namespace)  # noqa: S102 - the module's own script, run here and on the targets
    return namespace["fingerprint"]()


@pytest.fixture(scope="module")
def timing():
    started = time.monotonic()
    steps = {}
    yield steps
    steps["module"] = time.monotonic() - started
    print("\ntest_backup timing (s): " + ", ".join(f"{k} {v:.1f}" for k, v in steps.items()))


# An archive made before the code's last migration of community: without that migration
# and without the tables it created (the code is newer than the archive).
OLDER_BY = ("community", "0005_following")


def older_archive(original, destination):
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import CreateModel

    migration = MigrationLoader(None).disk_migrations[OLDER_BY]
    created = {f"{OLDER_BY[0]}.{op.name}".lower() for op in migration.operations if isinstance(op, CreateModel)}
    dropped = set()

    def before_the_migration(manifest):
        manifest["migrations"][OLDER_BY[0]].remove(OLDER_BY[1])
        kept = [e for e in manifest["database"] if e["model"].lower().split("_")[0] not in created]
        dropped.update(f"database/{e['file']}" for e in manifest["database"] if e not in kept)
        manifest["database"] = kept

    return rewrite(original, destination, manifest=before_the_migration, leave_out=dropped)


def read_manifest(archive):
    with tarfile.open(archive) as tar:
        return json.loads(tar.extractfile("manifest.json").read())


@pytest.fixture(scope="module")
def source(timing, demo_site, django_db_blocker, tmp_path_factory):
    """The seeded demo site, its archive, and what it holds."""
    folder = tmp_path_factory.mktemp("backup")
    with django_db_blocker.unblock():
        add_image_with_rendition(folder)
        archive = folder / "ciao.tar.gz"
        started = time.monotonic()
        call_command("backup", str(archive), stdout=io.StringIO())
        timing["backup"] = time.monotonic() - started
        expected = run_fingerprint()
    return SimpleNamespace(archive=archive, fingerprint=expected, manifest=read_manifest(archive))


@pytest.fixture(scope="module")
def restored(source, tmp_path_factory, timing):
    """Each target restored once (at the same time), backed up again, then what each holds."""
    started = time.monotonic()
    folders = {name: tmp_path_factory.mktemp(f"restore-{name}") for name in [*TARGETS, "older"]}
    targets = {"sqlite": target_env(folders["sqlite"] / "data"), "older": target_env(folders["older"] / "data")}
    archives = {"sqlite": source.archive, "older": older_archive(source.archive, folders["older"] / "older.tar.gz")}
    postgres = RestoreDatabase()
    if postgres.create():
        targets["postgresql"] = target_env(folders["postgresql"] / "data", postgres.url)
        archives["postgresql"] = source.archive
    try:
        restores = {name: start(env, "restore", str(archives[name])) for name, env in targets.items()}
        results = {name: {"output": finish(process)} for name, process in restores.items()}
        timing["restores"] = time.monotonic() - started
        # Backed up again as restored: the backup's own snapshot (outside any transaction) on each engine.
        again = {name: folders[name] / "again.tar.gz" for name in targets if name != "older"}
        backups = {name: start(targets[name], "backup", str(path)) for name, path in again.items()}
        for name, process in backups.items():
            finish(process)
            results[name]["manifest"] = read_manifest(again[name])
        script = FINGERPRINT + (
            "\nfrom ciao.backups.manifest import unapplied_migrations\nfrom django.db import connection\n"
            "print(json.dumps({'fingerprint': fingerprint(), 'unapplied': unapplied_migrations(connection), "
            "'new_ids': new_rows_get_new_ids()}))"
        )
        checks = {name: start(env, "shell", "-c", "import json\n" + script) for name, env in targets.items()}
        for name, process in checks.items():
            results[name].update(json.loads(finish(process).strip().splitlines()[-1]))
        timing["restores, backups and checks"] = time.monotonic() - started
        yield {name: SimpleNamespace(env=targets[name], **result) for name, result in results.items()} | {
            "unreachable": getattr(postgres, "unreachable", None)
        }
    finally:
        if "postgresql" in targets:
            postgres.drop()


@pytest.fixture(params=TARGETS)
def target(request, restored):
    if request.param not in restored:
        pytest.skip(restored["unreachable"])
    return restored[request.param]


@pytest.fixture
def expected(source):
    return source.fingerprint


# Round trip


def test_restore_says_what_it_restored(target):
    assert "Ripristinato il backup del" in target.output
    assert "indice di ricerca ricostruito" in target.output


def test_pages_come_back_with_their_live_or_draft_state_and_revisions(target, expected):
    assert target.fingerprint["pages"] == expected["pages"]
    states = {(live, draft) for _path, _title, live, draft, *_rest in expected["pages"].values()}
    assert {(True, False), (False, True)} <= states  # the demo has both, and both came back


def test_documents_come_back_byte_for_byte(target, expected):
    assert expected["documents"]
    assert target.fingerprint["documents"] == expected["documents"]


def test_images_and_their_renditions_come_back_byte_for_byte(target, expected):
    assert expected["images"]
    assert target.fingerprint["images"] == expected["images"]


def test_users_keep_their_password_and_can_still_log_in(target, expected):
    assert target.fingerprint["users"] == expected["users"]
    assert target.fingerprint["users"]["redazione"][-1] is True  # the demo password is accepted


def test_groups_keep_their_permissions(target, expected):
    for key in ("groups", "page_permissions", "collection_permissions"):
        assert target.fingerprint[key] == expected[key], key


def test_search_finds_the_same_pages(target, expected):
    assert any(expected["search"].values())
    assert target.fingerprint["search"] == expected["search"]


def test_new_content_gets_new_ids_after_a_restore(target):
    assert target.new_ids is True


def test_a_restored_site_backs_up_the_same_rows(target, source):
    counts, expected_counts = dict(target.manifest["counts"]), dict(source.manifest["counts"])
    # Wagtail defines one model only on SQLite (the database search backend's FTS table): a
    # PostgreSQL site restored on SQLite gains its content type and permissions at `migrate`.
    for label in ("contenttypes.ContentType", "auth.Permission"):
        assert counts.pop(label) >= expected_counts.pop(label), label
    assert counts == expected_counts
    assert [e["sha256"] for e in target.manifest["media"]] == [e["sha256"] for e in source.manifest["media"]]


def test_replace_existing_puts_the_archive_in_place_of_the_content(restored, source, expected):
    target = restored["sqlite"]  # holds content now: the new group and user of the checks
    refused = start(target.env, "restore", str(source.archive))
    _stdout, stderr = refused.communicate(timeout=600)
    assert refused.returncode != 0 and "La destinazione non è vuota" in stderr
    finish(start(target.env, "restore", "--replace-existing", str(source.archive)))
    script = FINGERPRINT + "\nprint(json.dumps(fingerprint()))"
    assert json.loads(finish(start(target.env, "shell", "-c", "import json\n" + script)).strip().splitlines()[-1]) == (
        expected
    )


def test_an_archive_from_older_code_is_restored_and_migrated_forward(restored, expected):
    older = restored["older"]
    assert older.unapplied == []
    assert older.fingerprint["pages"] == expected["pages"]
    assert older.fingerprint["users"] == expected["users"]


def test_the_archive_is_readable_by_its_owner_only(source):
    assert source.archive.stat().st_mode & 0o077 == 0


def test_the_manifest_says_what_the_archive_holds(source):
    manifest = source.manifest
    with tarfile.open(source.archive) as tar:
        names = set(tar.getnames())
    assert manifest["format_version"] == 1
    assert manifest["engine"] in ("sqlite", "postgresql")
    assert manifest["migrations"]["wagtailcore"] and manifest["migrations"]["ciao"]
    assert manifest["counts"]["wagtailcore.Page"] == len(source.fingerprint["pages"])
    assert {"django_version", "wagtail_version", "created_at"} <= manifest.keys()
    assert all(len(entry["sha256"]) == 64 and f"media/{entry['path']}" in names for entry in manifest["media"])


def test_sessions_are_not_in_the_archive(source):
    assert "sessions.Session" not in source.manifest["counts"]


# Refusals (in this process: a refused restore changes nothing)


def rewrite(original, destination, manifest=None, members=None, leave_out=()):
    """A copy of the archive with the manifest changed by ``manifest(dict)``, ``members`` {name: bytes}
    added or replaced, the members named in ``leave_out`` (filled while the manifest is changed) left out."""
    with tarfile.open(original) as src, tarfile.open(destination, "w:gz") as out:
        for member in src.getmembers():
            if member.name in leave_out:
                continue
            data = src.extractfile(member).read()
            if member.name == "manifest.json" and manifest:
                contents = json.loads(data)
                manifest(contents)
                data = json.dumps(contents).encode()
            if member.name in (members or {}):
                data = members.pop(member.name)
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))
        for name, data in (members or {}).items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            out.addfile(info, io.BytesIO(data))
    return destination


def restore(path, *args):
    call_command("restore", str(path), *args, stdout=io.StringIO())


def test_a_file_that_is_not_an_archive_is_refused(db, source, tmp_path):
    path = tmp_path / "note.tar.gz"
    path.write_text("non sono un archivio")
    with pytest.raises(CommandError, match="non è un archivio di backup"):
        restore(path)


def test_an_archive_without_a_manifest_is_refused(db, source, tmp_path):
    path = tmp_path / "altro.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("leggimi.txt")
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(CommandError, match="non contiene il manifest"):
        restore(path)


def test_a_manifest_of_an_unknown_version_is_refused(db, source, tmp_path):
    path = rewrite(source.archive, tmp_path / "v99.tar.gz", manifest=lambda m: m.update(format_version=99))
    with pytest.raises(CommandError, match="formato sconosciuto"):
        restore(path)


def test_an_archive_from_newer_code_is_refused(db, source, tmp_path):
    path = rewrite(
        source.archive, tmp_path / "futuro.tar.gz", manifest=lambda m: m["migrations"]["ciao"].append("9999_futuro")
    )
    with pytest.raises(CommandError, match=r"più recente.*ciao\.9999_futuro"):
        restore(path)


def test_a_target_with_content_is_refused_without_replace_existing(db, source):
    with pytest.raises(CommandError, match="La destinazione non è vuota.*--replace-existing"):
        restore(source.archive)


def test_a_member_outside_the_extraction_folder_is_refused(db, source, tmp_path):
    path = rewrite(source.archive, tmp_path / "fuga.tar.gz", members={"../fuori.txt": b"x"})
    with pytest.raises(CommandError, match="percorso non ammesso"):
        restore(path, "--replace-existing")
    assert not (Path(settings.MEDIA_ROOT).parent / "fuori.txt").exists()


def test_a_media_file_that_does_not_match_its_sha256_is_refused(db, source, tmp_path):
    with tarfile.open(source.archive) as tar:
        name = next(n for n in tar.getnames() if n.startswith("media/documents/"))
    path = rewrite(source.archive, tmp_path / "alterato.tar.gz", members={name: b"contenuto cambiato"})
    with pytest.raises(CommandError, match="non corrisponde alla sua impronta"):
        restore(path, "--replace-existing")


def test_a_damaged_table_is_refused(db, source, tmp_path):
    with tarfile.open(source.archive) as tar:
        name = next(n for n in tar.getnames() if n.endswith("wagtailcore.page.jsonl"))
    path = rewrite(source.archive, tmp_path / "tabella.tar.gz", members={name: b"{}\n"})
    with pytest.raises(CommandError, match="wagtailcore.Page non corrisponde"):
        restore(path, "--replace-existing")


def test_backup_does_not_overwrite_a_file(db, source):
    with pytest.raises(CommandError, match="esiste già"):
        call_command("backup", str(source.archive), stdout=io.StringIO())
