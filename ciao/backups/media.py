"""The media folder (MEDIA_ROOT: documents, images and their renditions), each file with its sha256."""

import hashlib
import os
import shutil
from pathlib import Path

from django.utils.translation import gettext as _

from . import BackupError


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files(root):
    """The regular files under ``root``, as relative POSIX paths, sorted (links are not followed)."""
    root = Path(root)
    if not root.is_dir():
        return []
    found = []
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(root).as_posix())
    return sorted(found)


def inventory(root):
    """The manifest's entries: path, size and sha256 of every file."""
    root = Path(root)
    return [{"path": rel, "size": (root / rel).stat().st_size, "sha256": sha256(root / rel)} for rel in files(root)]


def verify(root, entries):
    """Refuse extracted media that differ from the manifest (missing, altered or unlisted files)."""
    root = Path(root)
    listed = {entry["path"] for entry in entries}
    for entry in entries:
        path = root / entry["path"]
        if not path.is_file():
            raise BackupError(_("Archivio incompleto: manca il file %(path)s.") % {"path": entry["path"]})
        if sha256(path) != entry["sha256"]:
            raise BackupError(
                _("Archivio danneggiato: il file %(path)s non corrisponde alla sua impronta (sha256).")
                % {"path": entry["path"]}
            )
    unlisted = [rel for rel in files(root) if rel not in listed]
    if unlisted:
        raise BackupError(_("L'archivio contiene file non elencati nel manifest: %(paths)s.") % {"paths": unlisted[0]})


def replace(staged, media_root):
    """Put the staged folder in place of MEDIA_ROOT (renames on one file system: never half of each)."""
    media_root = Path(media_root)
    staged = Path(staged)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    if media_root.is_mount():
        # A mounted folder cannot be renamed: empty it and copy the files in.
        for child in media_root.iterdir():
            shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
        shutil.copytree(staged, media_root, dirs_exist_ok=True)
        return
    old = media_root.with_name(media_root.name + ".before-restore")
    if media_root.exists():
        shutil.rmtree(old, ignore_errors=True)
        media_root.rename(old)
    staged.rename(media_root)
    shutil.rmtree(old, ignore_errors=True)
