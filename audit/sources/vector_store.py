"""Sentence vectors kept between runs, so checking an article again embeds only what changed.

The index stores its reports' vectors (`audit.sources.index`); the article's own sentences
were embedded anew by every `check --sources`, most of a check's time (one batch of 35
sentences: about 3 s on a quiet 2-core machine). An editor re-checks an article after each
edit and CI re-checks unchanged files, so the vectors go to an SQLite file in the cache
directory (`audit.cache.cache_dir`), keyed by model and text, the newest `MAX_VECTORS` kept
(1.5 KB each). Like the table cache it is an optimisation only: a store that cannot be read
or written is skipped, and a vector read back is the one computed, byte for byte.
"""

from __future__ import annotations

import hashlib
import sqlite3

import numpy as np

from audit.cache import cache_dir

MAX_VECTORS = 20_000  # about 30 MB: the sentences of a few hundred recent articles
BUSY_WAIT_S = 0.2
_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors(key TEXT PRIMARY KEY, vector BLOB)"


def _key(model: str, text: str) -> str:
    return hashlib.sha1(f"{model}\n{text}".encode()).hexdigest()


def _connect() -> sqlite3.Connection:
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    # audit-site's workers share the file: a busy store is skipped after a short wait rather
    # than holding up an article (the vectors are computed, or kept, next time).
    connection = sqlite3.connect(folder / "vectors.sqlite", timeout=BUSY_WAIT_S)
    connection.execute(_SCHEMA)
    return connection


def load(model: str, texts: list[str]) -> dict[str, np.ndarray]:
    """The stored vectors of those of `texts` embedded before by `model`."""
    keys = {_key(model, t): t for t in texts}
    if not keys:
        return {}
    try:
        connection = _connect()
        try:
            found = {}
            names = list(keys)
            for start in range(0, len(names), 500):  # SQLite's bound on host parameters
                chunk = names[start : start + 500]
                rows = connection.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                found.update((keys[k], np.frombuffer(v, dtype=np.float32)) for k, v in rows)
            return found
        finally:
            connection.close()
    except (sqlite3.Error, OSError):
        return {}


def store(model: str, vectors: dict[str, np.ndarray]) -> None:
    """Keep `vectors` (text → vector) for later runs, dropping the oldest beyond `MAX_VECTORS`."""
    if not vectors:
        return
    try:
        connection = _connect()
        try:
            with connection:
                connection.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                       [(_key(model, t), v.astype(np.float32).tobytes()) for t, v in vectors.items()])
                connection.execute("DELETE FROM vectors WHERE rowid <= (SELECT max(rowid) FROM vectors) - ?",
                                   (MAX_VECTORS,))
        finally:
            connection.close()
    except (sqlite3.Error, OSError):
        pass  # read-only home or a busy store: the vectors are simply computed next time
