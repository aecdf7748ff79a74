"""Run files in Django's storage, at paths derived only from the run key, written atomically.

On local disk a file is written to a temporary name in the same directory, flushed and
renamed into place, so a reader (or a crash) never sees half a file. Object stores such as
S3 (django-storages) make each upload visible whole, so they are written directly.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage

from .cli import write_atomic

KEY = re.compile(r"^[0-9a-f]{64}$")
ROOT = "simulations"


def run_dir(key: str) -> str:
    """The storage directory of a run: simulations/<2 hex>/<key>."""
    if not KEY.match(key):
        raise ValueError(f"a run key is 64 lowercase hex digits, got {key!r}")
    return f"{ROOT}/{key[:2]}/{key}"


def run_file(key: str, filename: str) -> str:
    """The storage name of one file of a run."""
    if "/" in filename or filename.startswith("."):
        raise ValueError(f"run file names are plain names, got {filename!r}")
    return f"{run_dir(key)}/{filename}"


def _local_path(storage: Storage, name: str) -> Path | None:
    try:
        return Path(storage.path(name))
    except NotImplementedError:
        return None


def write_file(name: str, content: bytes, storage: Storage | None = None) -> str:
    """Write bytes under `name`, replacing any previous file atomically; return the name."""
    storage = storage or default_storage
    path = _local_path(storage, name)
    if path is None:
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(content))
        if saved != name:
            raise OSError(f"storage saved {name!r} as {saved!r}; run files need their exact names")
        return name
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, content)
    return name


def delete_run_files(key: str, storage: Storage | None = None) -> list[str]:
    """Delete every file of a run (temporary leftovers included); return the deleted names."""
    storage = storage or default_storage
    directory = run_dir(key)
    try:
        _, files = storage.listdir(directory)
    except (FileNotFoundError, NotImplementedError):
        return []
    deleted = []
    for filename in files:
        storage.delete(f"{directory}/{filename}")
        deleted.append(f"{directory}/{filename}")
    path = _local_path(storage, directory)
    if path is not None and path.is_dir() and not any(path.iterdir()):
        path.rmdir()
    return deleted


def stored_keys(storage: Storage | None = None) -> list[str]:
    """Every run key that has a directory in storage."""
    storage = storage or default_storage
    keys = []
    try:
        prefixes, _ = storage.listdir(ROOT)
    except (FileNotFoundError, NotImplementedError):
        return []
    for prefix in prefixes:
        directories, _ = storage.listdir(f"{ROOT}/{prefix}")
        keys.extend(name for name in directories if KEY.match(name))
    return sorted(keys)
