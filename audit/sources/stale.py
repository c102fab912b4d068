"""Is the corpus index older than the corpus? Told before an audit cites a report.

An index is rebuilt only by `mtaudit index`: until then a report whose file was deleted or
edited is still retrieved and cited as it was. Each check compares the corpus with what the
index recorded, by size and modification time only (the stat `mtaudit index` does before it
hashes anything), so the cost is one directory walk, not a read of the corpus: a stale index
is one line on stderr and `meta.stale_index` in the JSON report and the site summary.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from audit.sources.corpus import is_report
from audit.sources.index import _index_error, default_index_path

_NAMED = 3  # files named in the warning; the JSON lists them all


@dataclass(frozen=True)
class Staleness:
    """Corpus files changed, removed or added since the index was built (paths as indexed)."""

    changed: tuple[str, ...]
    removed: tuple[str, ...]
    added: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.added)

    def as_dict(self) -> dict:
        return {"changed": list(self.changed), "removed": list(self.removed), "added": list(self.added)}

    def warning(self, index_path: str | Path) -> str:
        parts = [f"{len(names)} {kind} ({', '.join(names[:_NAMED])}{', …' if len(names) > _NAMED else ''})"
                 for kind, names in (("changed", self.changed), ("removed", self.removed), ("added", self.added))
                 if names]
        return (f"{index_path}: the index is stale, corpus files {'; '.join(parts)} since it was built: "
                "cited sources may no longer match the corpus (run `mtaudit index` again)")


@cache
def staleness(corpus: str, index_path: str) -> Staleness:
    """What changed in `corpus` since `index_path` recorded it (once per run and pair)."""
    connection = sqlite3.connect(f"file:{index_path}?mode=ro", uri=True)
    try:
        recorded = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT path, mtime_ns, size FROM files")}
    except sqlite3.Error as error:
        raise _index_error(Path(index_path), error) from None
    finally:
        connection.close()
    changed, added, present = [], [], set()
    for name, mtime_size in _stats(corpus):
        present.add(name)
        if name not in recorded:
            added.append(name)
        elif recorded[name] != mtime_size:
            changed.append(name)
    return Staleness(tuple(sorted(changed)), tuple(sorted(set(recorded) - present)), tuple(sorted(added)))


def _stats(corpus: str, relative: str = "") -> Iterator[tuple[str, tuple[int, int]]]:
    """(name as indexed, (mtime_ns, size)) of the corpus files `corpus_files` lists, with plain
    strings: pathlib's objects took 60 µs a file, five times the stat."""
    for entry in os.scandir(os.path.join(corpus, relative) if relative else corpus):
        name = f"{relative}/{entry.name}" if relative else entry.name
        if entry.is_dir():  # as os.walk: not into hidden folders, nor through links
            if not entry.name.startswith(".") and not entry.is_symlink():
                yield from _stats(corpus, name)
        elif is_report(entry.name):
            stat = entry.stat()
            yield os.fsencode(name).decode("utf-8", "backslashreplace"), (stat.st_mtime_ns, stat.st_size)


def settings_staleness(settings) -> tuple[str, Staleness] | None:
    """The index a run with `--sources` reads, and how stale it is (None without sources)."""
    if not settings.sources:
        return None
    index_path = str(settings.index or default_index_path(settings.sources))
    return index_path, staleness(settings.sources, index_path)
