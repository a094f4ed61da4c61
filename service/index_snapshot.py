"""The BM25 index saved next to the database, so a bot starts without re-reading every passage.

A snapshot is only a cache: it is trusted when the database still holds exactly the
passages it indexed (passages are append-only), then extended with the rows stored since;
otherwise the index is rebuilt from stored lemmas and the snapshot rewritten.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import numpy as np
from sqlalchemy.engine import make_url

from retrieval.index import SearchIndex

logger = logging.getLogger(__name__)


def snapshot_path(database_url: str, folder: str | None = None) -> Path | None:
    """Where the index of this database is kept: `folder` if set (any database), else next
    to a SQLite file; None for in-memory databases and servers without a folder."""
    url = make_url(database_url)
    name = url.database or ""
    if folder:
        stem = "".join(ch if ch.isalnum() else "_" for ch in f"{url.host or ''}_{name}")
        return Path(folder) / f"{stem or 'contacts'}.index.npz"
    if url.get_backend_name() == "sqlite" and name and name != ":memory:":
        return Path(f"{name}.index.npz")
    return None


def load(path: Path) -> SearchIndex | None:
    """The saved index, or None when there is none or it cannot be read."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as saved:
            return SearchIndex.from_arrays({name: saved[name] for name in saved.files})
    except (OSError, ValueError, KeyError) as exc:
        logger.warning("index snapshot %s unreadable, rebuilding: %r", path, exc)
        return None


def save(index: SearchIndex, path: Path) -> None:
    """Write the index atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez(out, **index.arrays())  # type: ignore[arg-type]
        Path(temporary).chmod(0o644)  # readable like the database beside it
        Path(temporary).replace(path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        logger.warning("index snapshot %s not saved: %r", path, exc)
