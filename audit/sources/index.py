"""A persistent, incremental index of a corpus in one SQLite file (FTS5, BM25).

No server: the index is a file, by default `CORPUS/.mtaudit-index.sqlite`. Each report is
indexed three ways, each an FTS5 column with its own BM25 weight at query time: its words,
its entities (concept keys such as `cru` for Russia/Russie/russe, and folded proper names)
and its numbers (`n1500` for « 1 500 » and "1,500"), so a French article meets its English
source through what translation keeps. A rebuild re-reads only files whose size or mtime
changed and whose content hash differs, unless the entity list behind the entity terms has
changed since the index was built: then every report is indexed again, since old terms would
no longer meet the queries' new ones.

SQLite's errors are told as what they mean for the user, in one line (`_index_error`): an
index another process is writing (it waits `LOCK_WAIT_SECONDS` first), a read-only index or
folder, and only then an index that is not one and should be rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from audit.errors import UserError
from audit.resources import data_lines
from audit.sources.anchors import concepts, names, numbers
from audit.sources.corpus import Report, corpus_files, read_reports, relative_name

INDEX_NAME = ".mtaudit-index.sqlite"
# Each report's sentences and their embeddings, stored when it is indexed, so a check embeds
# only the article (added without a format change: older indexes gain the table on update).
_SENTENCES = """
CREATE TABLE IF NOT EXISTS sentences(rowid INTEGER, model TEXT, texts TEXT, vectors BLOB,
                                     PRIMARY KEY(rowid, model));
"""
FORMAT = "1"
LOCK_WAIT_SECONDS = 10.0  # how long to wait for another process's write before saying so
_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files(path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER, sha256 TEXT);
CREATE TABLE reports(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, path TEXT, lang TEXT,
                     title TEXT, url TEXT, date TEXT, text TEXT);
CREATE INDEX reports_path ON reports(path);
CREATE VIRTUAL TABLE terms USING fts5(words, entities, numbers,
                                      tokenize='unicode61 remove_diacritics 2');
CREATE TABLE vectors(rowid INTEGER, model TEXT, vector BLOB, PRIMARY KEY(rowid, model));
""" + _SENTENCES



@dataclass(frozen=True)
class IndexStats:
    """What one `mtaudit index` run did."""

    path: str
    added: int
    updated: int
    removed: int
    unchanged: int
    reports: int
    seconds: float


def lexicon_version() -> str:
    """Which entity list the entity terms come from (a hash of its lines)."""
    return hashlib.sha256("\n".join(data_lines("entities.tsv")).encode()).hexdigest()[:16]


def default_index_path(corpus: str) -> Path:
    return Path(corpus) / INDEX_NAME


def entity_terms(text: str, lang: str) -> list[str]:
    """Index terms for the entities of `text`: concept keys and folded proper names."""
    return [f"c{key}" for key in concepts(text, lang)] + names(text)


def number_terms(text: str, lang: str) -> list[str]:
    return [f"n{n.value.replace('.', 'x')}" for n in numbers(text, lang)]


def build_index(corpus: str, index_path: str | Path | None = None, embed_sentences: bool = True) -> IndexStats:
    """Create or bring up to date the index of `corpus`; with `embed_sentences` (and the
    `[sources]` extra), each new report's sentence vectors too."""
    started = time.perf_counter()
    root = Path(corpus)
    files = corpus_files(corpus)
    path = Path(index_path) if index_path else default_index_path(corpus)
    connection = _connect(path, create=True)
    try:
        with connection:
            if _recorded_lexicon(connection) != lexicon_version():
                _forget_everything(connection)
            known = {row[0]: row[1:] for row in connection.execute("SELECT path, mtime_ns, size, sha256 FROM files")}
            seen, counts = set(), {"added": 0, "updated": 0, "unchanged": 0}
            for file in files:
                relative = relative_name(file, root)
                seen.add(relative)
                counts[_refresh(connection, file, root, relative, known.get(relative), embed_sentences)] += 1
            gone = set(known) - seen
            for relative in gone:
                _forget(connection, relative)
            total = connection.execute("SELECT count(*) FROM reports").fetchone()[0]
    except sqlite3.Error as error:
        raise _index_error(path, error) from None
    finally:
        connection.close()
    seconds = round(time.perf_counter() - started, 3)
    return IndexStats(str(path), counts["added"], counts["updated"], len(gone), counts["unchanged"], total, seconds)


def _refresh(connection: sqlite3.Connection, file: Path, root: Path, relative: str, known, embed_sentences: bool) -> str:
    stat = file.stat()
    if known and known[0] == stat.st_mtime_ns and known[1] == stat.st_size:
        return "unchanged"
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    row = (relative, stat.st_mtime_ns, stat.st_size, digest)
    connection.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", row)
    if known and known[2] == digest:
        return "unchanged"
    if known:
        _forget(connection, relative, keep_file=True)
    _insert(connection, read_reports(file, root), embed_sentences)
    return "updated" if known else "added"


def _insert(connection: sqlite3.Connection, reports: Iterable[Report], embed_sentences: bool) -> None:
    for report in reports:
        cursor = connection.execute(
            "INSERT OR REPLACE INTO reports(id, path, lang, title, url, date, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (report.id, report.path, report.lang, report.title, report.url, report.date, report.text),
        )
        connection.execute(
            "INSERT INTO terms(rowid, words, entities, numbers) VALUES (?, ?, ?, ?)",
            (cursor.lastrowid, report.text, " ".join(entity_terms(report.text, report.lang)),
             " ".join(number_terms(report.text, report.lang))),
        )
        if embed_sentences:
            _store_sentences(connection, cursor.lastrowid, report)


def _store_sentences(connection: sqlite3.Connection, rowid: int, report: Report) -> None:
    from audit.sources import embed
    from audit.sources.corpus import report_document

    if not embed.available():
        return
    texts = [s.text for s in report_document(report).sentences]
    vectors = embed.embed(texts).astype(np.float32)
    connection.execute("INSERT OR REPLACE INTO sentences VALUES (?, ?, ?, ?)",
                       (rowid, embed.signature(), json.dumps(texts, ensure_ascii=False), vectors.tobytes()))


def remember_sentences(index_path: str | Path, report_ids: list[str]) -> int:
    """Hand the stored sentence vectors of these reports to the embedding cache; how many."""
    from audit.sources import embed

    if not embed.available() or not report_ids:
        return 0
    connection = open_index(index_path)
    try:
        marks = ", ".join("?" * len(report_ids))
        rows = connection.execute(
            f"SELECT s.texts, s.vectors FROM sentences s JOIN reports r ON r.rowid = s.rowid "
            f"WHERE s.model = ? AND r.id IN ({marks})", (embed.signature(), *report_ids),
        ).fetchall()
    except sqlite3.OperationalError:  # an index built before the table existed
        return 0
    finally:
        connection.close()
    count = 0
    for texts, blob in rows:
        sentences = json.loads(texts)
        embed.remember(sentences, np.frombuffer(blob, dtype=np.float32).reshape(len(sentences), -1))
        count += len(sentences)
    return count


def _forget(connection: sqlite3.Connection, relative: str, keep_file: bool = False) -> None:
    rowids = [r[0] for r in connection.execute("SELECT rowid FROM reports WHERE path = ?", (relative,))]
    for table in ("terms", "vectors", "sentences", "reports"):
        connection.executemany(f"DELETE FROM {table} WHERE rowid = ?", [(r,) for r in rowids])
    if not keep_file:
        connection.execute("DELETE FROM files WHERE path = ?", (relative,))


def _forget_everything(connection: sqlite3.Connection) -> None:
    for table in ("files", "reports", "terms", "vectors", "sentences"):
        connection.execute(f"DELETE FROM {table}")
    connection.execute("INSERT OR REPLACE INTO meta VALUES ('lexicon', ?)", (lexicon_version(),))


def _recorded_lexicon(connection: sqlite3.Connection) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = 'lexicon'").fetchone()
    return row[0] if row else None


def open_index(path: str | Path) -> sqlite3.Connection:
    """An existing index, or a one-line error saying how to build or refresh it."""
    connection = _connect(Path(path), create=False)
    if _recorded_lexicon(connection) != lexicon_version():
        connection.close()
        raise UserError(f"{path}: indexed with another entity list (run `mtaudit index CORPUS` again to update it)")
    return connection


def _connect(path: Path, create: bool) -> sqlite3.Connection:
    if not create and not path.is_file():
        raise UserError(f"{path}: no index there (build it with `mtaudit index CORPUS`)")
    try:
        connection = sqlite3.connect(path, timeout=LOCK_WAIT_SECONDS)
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if create and not tables:
            connection.executescript(_SCHEMA)
            connection.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
            connection.commit()
        elif create:
            connection.executescript(_SENTENCES)
        elif connection.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() != (FORMAT,):
            raise sqlite3.DatabaseError("unknown format")
    except sqlite3.Error as error:
        raise _index_error(path, error) from None
    return connection


_ERRORS = {  # SQLite's primary result codes, as a user would act on them
    "SQLITE_BUSY": "another process is writing this index (a running `mtaudit index`?); "
                   "try again when it has finished",
    "SQLITE_READONLY": "the index or its folder is read-only; make them writable or give another --index",
    "SQLITE_CANTOPEN": "cannot open or create the index there; check that its folder exists and is writable",
}
_ERRORS["SQLITE_LOCKED"] = _ERRORS["SQLITE_BUSY"]
_NOT_AN_INDEX = "not a readable mtaudit index (delete it and run `mtaudit index CORPUS` again)"


def _index_error(path: Path, error: sqlite3.Error) -> UserError:
    """One line saying what to do about `error`; an unknown one means the file is not an index."""
    name = getattr(error, "sqlite_errorname", None) or ""  # e.g. SQLITE_READONLY_DBMOVED
    meaning = _ERRORS.get("_".join(name.split("_")[:2]), _NOT_AN_INDEX)
    return UserError(f"{path}: {meaning}")
