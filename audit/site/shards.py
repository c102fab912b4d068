"""A site run's results folder: JSONL shards that survive a killed run, and what they hold.

Each line of `documents-NNNNN.jsonl` is the JSON reporter's `document_dict` plus a `resume`
key (the page's content SHA-256, the settings signature and `page`, its real path or URL,
which older shards lack: see `record_page`); `errors-NNNNN.jsonl` lines are `{path, message,
resume}`. Lines are written in batches, each flushed and fsync'd before the
next is taken, so a run killed at any point keeps every batch it finished; a line cut short
by the kill is dropped when the folder is next opened, and its page audited again. Shards are
only ever appended to, by one run at a time; a rerun starts new shards. A shard holds
10,000 records of about 6 KB, so readers walk it a line at a time and keep a record's
`Location` (shard, byte offset) rather than the record when they need it later. A damaged
line elsewhere in a shard is skipped by every reader (`audit.site.damage`).
"""

from __future__ import annotations

import hashlib
import json
import os
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from audit.site.damage import Damage, parse_record
from audit.site.keyset import KeySet

LINES_PER_SHARD = 10_000
TAIL_BLOCK = 65_536
KINDS = ("documents", "errors")


def page_key(path: str, sha256: str | None, settings: str) -> bytes:
    """16 bytes naming one page's content under one configuration: what a rerun skips."""
    return hashlib.blake2b(f"{path}\0{sha256}\0{settings}".encode(), digest_size=16).digest()


def record_key(record: dict) -> bytes:
    resume = record["resume"]
    return page_key(record_page(record), resume["content_sha256"], resume["settings"])


def record_page(record: dict) -> str:
    """The page a record is about, however its path was spelled on the command line. Records
    written before `resume.page` have their path resolved here as the driver resolves a file's
    (from this directory; a URL as it is), so a folder of them resumes after the upgrade."""
    page = record["resume"].get("page")
    if page is None:
        path = record["path"]
        page = path if "://" in path else os.path.realpath(path)
    return page


def shard_paths(folder: Path, kind: str | None = None) -> list[Path]:
    kinds = (kind,) if kind else KINDS
    return sorted(p for k in kinds for p in folder.glob(f"{k}-*.jsonl"))


def _shard_number(path: Path) -> int:
    """Shards are numbered across kinds, in the order runs wrote them."""
    return int(path.stem.rsplit("-", 1)[1])


class Location(NamedTuple):
    """Where a record's line starts: what a reader keeps instead of the record itself."""

    shard: str
    offset: int


def records(folder: Path, kind: str | None = None) -> Iterator[dict]:
    """Every record of the folder's shards, oldest shard first (lines cut by a kill skipped)."""
    return (record for _, record in located_records(folder, kind))


def located_records(folder: Path, kind: str | None = None,
                    damage: Damage | None = None) -> Iterator[tuple[Location, dict]]:
    """Records with their locations; damaged lines are skipped, and counted in `damage`."""
    for path in shard_paths(folder, kind):
        shard = str(path)
        with open(path, "rb") as handle:
            for number, (offset, line) in enumerate(_whole_lines(handle), 1):
                if (record := _record(line, shard, number, damage)) is not None:
                    yield Location(shard, offset), record


def _record(line: bytes, shard: str, number: int, damage: Damage | None) -> dict | None:
    record = parse_record(line)
    if isinstance(record, dict):
        return record
    if damage is not None:
        damage.add(shard, number, record)
    return None


def _whole_lines(handle: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """Each line with its byte offset, but a last line cut short by a kill."""
    offset = 0
    for line in handle:
        if line.endswith(b"\n"):
            yield offset, line
        offset += len(line)


def read_record(location: Location) -> dict:
    with open(location.shard, "rb") as handle:
        handle.seek(location.offset)
        return json.loads(handle.readline())


def current_records(folder: Path, wanted: KeySet | None = None,
                    damage: Damage | None = None) -> Iterator[tuple[Location, dict]]:
    """The record of each page as it is now, with its location. With `wanted` (the keys of a
    run's pages), the records with those keys, each key removed from `wanted` as its record
    is read; without it, the newest record of each page, newest shard first. A changed page
    leaves its old record in an old shard: these are what the summary and the site index
    must skip. Both read every line: `damage` counts those that are not records."""
    if wanted is not None:
        yield from (item for item in located_records(folder, damage=damage) if wanted.discard(record_key(item[1])))
        return
    with KeySet() as seen:
        for path in sorted(shard_paths(folder), key=_shard_number, reverse=True):
            for location, record in _backwards(path, damage):
                if seen.add(hashlib.blake2b(record_page(record).encode(), digest_size=16).digest()):
                    yield location, record


def _backwards(path: Path, damage: Damage | None) -> Iterator[tuple[Location, dict]]:
    """A shard's records, last line first; memory holds the lines' offsets, not the lines."""
    shard = str(path)
    with open(path, "rb") as handle:
        starts = array("q", (offset for offset, _ in _whole_lines(handle)))
        for number in range(len(starts), 0, -1):
            handle.seek(starts[number - 1])
            if (record := _record(handle.readline(), shard, number, damage)) is not None:
                yield Location(shard, starts[number - 1]), record


def repair(folder: Path) -> None:
    """Cut each shard back to its last whole line: what a killed run was writing is gone."""
    for path in shard_paths(folder):
        with open(path, "rb+") as handle:
            size = cut = handle.seek(0, os.SEEK_END)
            while cut:  # from the end, a block at a time: a shard is tens of MB
                start = max(0, cut - TAIL_BLOCK)
                handle.seek(start)
                newline = handle.read(cut - start).rfind(b"\n")
                if newline >= 0:
                    cut = start + newline + 1
                    break
                cut = start
            if cut != size:
                handle.truncate(cut)


def finished_keys(folder: Path) -> KeySet:
    """Keys of the pages a rerun need not audit or record again: documents, and inputs that
    cannot be audited for a reason of their own (an internal error is retried)."""
    return KeySet(record_key(r) for r in records(folder) if not r.get("message", "").startswith("internal error"))


def write_atomically(path: Path, parts: Iterable[str]) -> None:
    """Write `parts` beside `path`, then put the file in place: a reader never sees half of
    it (the summary, the index page), and streamed parts are never whole in memory. The
    temporary file is named after this process, so `mtaudit report` during a run does not
    write into the run's; the last to finish wins."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.writelines(parts)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


class ShardWriter:
    """Appends lines to new shards of each kind, rotating every `LINES_PER_SHARD` lines."""

    def __init__(self, folder: Path, lines_per_shard: int = LINES_PER_SHARD) -> None:
        self.folder = folder
        self.lines_per_shard = lines_per_shard
        self.number = 1 + max(map(_shard_number, shard_paths(folder)), default=0)
        self.handles: dict[str, object] = {}
        self.counts = dict.fromkeys(KINDS, 0)

    def write(self, lines: list[tuple[str, str]]) -> None:
        """Write `(kind, line)` pairs and make them durable before returning."""
        touched = set()
        for kind, line in lines:
            handle = self._handle(kind)
            handle.write(line + "\n")
            self.counts[kind] += 1
            touched.add(kind)
        for kind in touched:
            handle = self.handles[kind]
            handle.flush()
            os.fsync(handle.fileno())

    def _handle(self, kind: str):
        if self.counts[kind] and self.counts[kind] % self.lines_per_shard == 0:
            self.handles.pop(kind).close()
            self.number += 1
        if kind not in self.handles:
            path = self.folder / f"{kind}-{self.number:05d}.jsonl"
            self.handles[kind] = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed by close()
        return self.handles[kind]

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()
        self.handles.clear()
