"""One `audit-site` run at a time on a results folder.

Two runs on one `--out` both audited every page, wrote every record twice and crashed on
each other's temporary files. A run now takes an exclusive lock on `.mtaudit-lock` in the
folder before it touches a shard, and a second run stops with one line (exit 2). The lock is
`flock(2)`: the kernel drops it when its holder exits, however it exits (`kill -9`
included), so no stale lock is ever left to clear by hand. `mtaudit report` only reads the
shards and does not take it. Where `fcntl` is missing (Windows) the folder is not locked.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from audit.errors import UserError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None

LOCK_NAME = ".mtaudit-lock"


@contextmanager
def locked_folder(folder: Path) -> Iterator[None]:
    """Create `folder` if need be and hold its lock; a UserError when another run holds it."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise UserError(f"{folder}: cannot write the results folder ({error.strerror})") from None
    with handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise UserError(f"{folder}: another audit-site run ({holder}) is writing this results folder; "
                                "wait for it to end or give another --out") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} on {socket.gethostname()}\n")
        handle.flush()
        yield
