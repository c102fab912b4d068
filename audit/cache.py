"""A disk cache for tables that are slow to build and never change between runs.

Parsing langdetect's JSON profiles and the word lists costs more than the whole audit of an
article; keeping the built tables in `marshal` form makes a cold `mtaudit check` several
times faster. The key names everything a table depends on, so a new version of a library or
of a data file builds a fresh entry. The cache is an optimisation only: if the directory
cannot be written, tables are built in memory and nothing fails.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """`$MTAUDIT_CACHE_DIR`, else `$XDG_CACHE_HOME/mtaudit`, else `~/.cache/mtaudit`."""
    explicit = os.environ.get("MTAUDIT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtaudit"


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The table `build()` returns, read from the cache when `key` matches.

    The key also names the source file that defines `build`, as it was when the table was
    built: a change to the code that builds a table invalidates it like a change to its data.
    """
    key = f"{key} {_code_stamp(build)}"
    digest = f"{zlib.crc32(key.encode('utf-8')):08x}"  # a file name, not a security check
    path = cache_dir() / f"{name}-{digest}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    _store(path, value)
    return value


def _code_stamp(build: Callable) -> str:
    source = getattr(getattr(build, "__code__", None), "co_filename", "")
    try:
        return f"{source} {os.stat(source).st_mtime_ns}"
    except OSError:
        return source


def _store(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only a cache miss writes

        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            handle.write(marshal.dumps(value))
        os.replace(handle.name, path)
    except OSError:
        pass  # read-only home or full disk: the run goes on without a cache
