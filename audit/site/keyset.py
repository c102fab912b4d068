"""A set of 16-byte page keys kept on disk, so the driver's memory does not grow with the site.

A Python set of 100,000 keys costs about 10 MiB (a 49-byte object a key and a hash table
over them); a site run held two (pages done, pages of this run) and the summary a third.
Here the keys live in a private temporary SQLite database: SQLite deletes it when it is
closed, or finds it gone after a kill, and only its page cache (2 MiB) stays in memory.
The shards remain the record of what is done; a key set is rebuilt from them each run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Self

CACHE_KIB = 2048


class KeySet:
    """`add` and `discard` say whether they changed the set, so a caller tests and updates at once."""

    def __init__(self, keys: Iterable[bytes] = ()) -> None:
        self.connection = sqlite3.connect("", isolation_level=None)  # "": a temporary file, deleted on close
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{CACHE_KIB}"):
            self.connection.execute(f"PRAGMA {pragma}")
        self.connection.execute("CREATE TABLE keys (key BLOB PRIMARY KEY) WITHOUT ROWID")
        self.connection.executemany("INSERT OR IGNORE INTO keys VALUES (?)", ((k,) for k in keys))

    def add(self, key: bytes) -> bool:
        """Add `key`; True when it was not there."""
        return self.connection.execute("INSERT OR IGNORE INTO keys VALUES (?)", (key,)).rowcount == 1

    def discard(self, key: bytes) -> bool:
        """Remove `key`; True when it was there."""
        return self.connection.execute("DELETE FROM keys WHERE key = ?", (key,)).rowcount == 1

    def __contains__(self, key: bytes) -> bool:
        return self.connection.execute("SELECT 1 FROM keys WHERE key = ?", (key,)).fetchone() is not None

    def __len__(self) -> int:
        return self.connection.execute("SELECT count(*) FROM keys").fetchone()[0]

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
