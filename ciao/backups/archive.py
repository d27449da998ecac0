"""The archive file: ``manifest.json``, ``database/*.jsonl``, ``media/...`` in one tar.gz."""

import io
import json
import os
import tarfile
import zlib
from pathlib import Path

from django.utils.translation import gettext as _

from . import BackupError, manifest
from .media import sha256

DATABASE = "database"
MEDIA = "media"


def write(path, contents, database_dir, media_root):
    """Write the archive; the file appears under its name only once complete.

    It holds password hashes and personal data: only its owner may read it.
    """
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            # The manifest first: a reader learns what it holds before the rest.
            data = json.dumps(contents, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(manifest.NAME)
            info.size, info.mode = len(data), 0o600
            tar.addfile(info, io.BytesIO(data))
            for entry in contents["database"]:
                tar.add(Path(database_dir) / entry["file"], arcname=f"{DATABASE}/{entry['file']}", recursive=False)
            for entry in contents["media"]:
                tar.add(Path(media_root) / entry["path"], arcname=f"{MEDIA}/{entry['path']}", recursive=False)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def extract(path, into):
    """Read the manifest and unpack the archive into ``into``; returns the manifest.

    Refuses a file that is not a tar.gz, one without a manifest or of another format
    version, members that would land outside ``into`` (tarfile's "data" filter: no
    absolute paths, "..", links out or device files) and damaged database files.
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("File non trovato: %(path)s") % {"path": path})
    try:
        tar = tarfile.open(path, "r:gz")
    except (tarfile.TarError, OSError, EOFError, zlib.error):
        raise BackupError(_("%(path)s non è un archivio di backup (tar.gz).") % {"path": path.name}) from None
    with tar:
        try:
            member = tar.getmember(manifest.NAME)
            contents = manifest.parse(tar.extractfile(member).read())
            tar.extractall(into, filter="data")
        except KeyError:
            raise BackupError(_("%(path)s non contiene il manifest di un backup.") % {"path": path.name}) from None
        except tarfile.FilterError as error:
            raise BackupError(
                _("L'archivio contiene un percorso non ammesso (%(member)s): ripristino annullato.")
                % {"member": error.tarinfo.name}
            ) from None
        except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
            raise BackupError(_("Archivio danneggiato: %(error)s") % {"error": error}) from None
    verify_database(Path(into) / DATABASE, contents["database"])
    return contents


def verify_database(directory, entries):
    for entry in entries:
        path = Path(directory) / entry["file"]
        if not path.is_file() or sha256(path) != entry["sha256"]:
            raise BackupError(
                _("Archivio danneggiato: la tabella %(model)s non corrisponde alla sua impronta (sha256).")
                % {"model": entry["model"]}
            )
