"""A site's pages, read lazily: files, directories, globs, a list of paths, a JSONL export.

A site has hundreds of thousands of pages, so every source here is a generator: one page is
read, hashed and handed on before the next is touched, and memory does not grow with the
site. The content hash lets a rerun skip what it has already audited (`audit.site.shards`).
A page that cannot be read becomes an `Unreadable` in the stream, not an exception. Each
carries an `identity`, the name resume keys use: a file's real path, so `site/a.txt`,
`./site/a.txt` and `/abs/site/a.txt` are one page (they were three, audited and counted
three times); an export record's URL as it is.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from audit.errors import InputError, UserError
from audit.ingest import (
    DEFAULT_MAX_PARSE_SECONDS,
    RawText,
    extract_article,
    from_bytes,
    read_bounded,
)
from audit.results import InputFailure

EXPORT_SUFFIX = ".jsonl"


@dataclass(frozen=True)
class Page:
    """One page's content as read: file bytes, or an export record's `html` or `text`."""

    path: str  # the file path, or the record's `url`
    data: bytes
    media_type: str | None = None  # None: a file, decoded and sniffed as `mtaudit check` does
    lang: str | None = None  # declared by the export

    @cached_property  # hashed once by the driver, sent along to the worker
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @cached_property  # resolved by the driver, where the path means something, and sent along
    def identity(self) -> str:
        return os.path.realpath(self.path) if self.media_type is None else self.path


@dataclass(frozen=True)
class Unreadable(InputFailure):
    """A page that could not be read, and the name its resume key uses (as `Page.identity`)."""

    identity: str


def raw_text(page: Page, max_parse_seconds: float = DEFAULT_MAX_PARSE_SECONDS) -> RawText:
    """The page as ingest would give it; raises InputError for what cannot be audited."""
    if page.lang is not None and not page.lang.lower().startswith("fr"):
        raise InputError(f"{page.path}: declared lang {page.lang!r} in the export, not French; not audited")
    if page.media_type is None:
        return from_bytes(page.path, page.data, max_parse_seconds)
    text = page.data.decode("utf-8")
    if not text.strip():
        raise InputError(f"{page.path}: empty input")
    if page.media_type == "text/html":
        return RawText(page.path, extract_article(text, page.path, max_parse_seconds), "utf-8", "text/html", ())
    return RawText(page.path, text, "utf-8", "text/plain", ())


def site_pages(inputs: Iterable[str], max_bytes: int) -> Iterator[Page | Unreadable]:
    """Pages of each input in turn: `.jsonl` files are exports, other paths are read as files."""
    for path in inputs:
        if path.lower().endswith(EXPORT_SUFFIX):
            yield from export_pages(path, max_bytes)
        else:
            yield file_page(path, max_bytes)


def file_page(path: str, max_bytes: int) -> Page | Unreadable:
    try:
        return Page(path, read_bounded(path, max_bytes))
    except InputError as error:
        return Unreadable(path, str(error).removeprefix(f"{path}: "), os.path.realpath(path))


def export_pages(path: str, max_bytes: int) -> Iterator[Page | Unreadable]:
    """Records `{"url", "html" | "text", "lang"?}`, one a line; a bad line fails alone."""
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        raise UserError(f"{path}: cannot read the export ({error.strerror})") from None
    with handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                yield _record_page(path, number, line, max_bytes)


def _record_page(path: str, number: int, line: str, max_bytes: int) -> Page | Unreadable:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return _bad_line(path, number, f"not a JSON record ({error.msg})")
    url = record.get("url") if isinstance(record, dict) else None
    if not isinstance(url, str) or not url:
        return _bad_line(path, number, "record without a `url`")
    content, media_type = (record.get("html"), "text/html") if "html" in record else (record.get("text"), "text/plain")
    if not isinstance(content, str):
        return Unreadable(url, "record without `html` or `text`", url)
    data = content.encode("utf-8")
    if len(data) > max_bytes:
        return Unreadable(url, f"larger than the {max_bytes:,} byte limit (raise it with --max-bytes)", url)
    lang = record.get("lang")
    return Page(url, data, media_type, lang if isinstance(lang, str) else None)


def _bad_line(path: str, number: int, message: str) -> Unreadable:
    """An export line that names no page: known by its line in the export's real path."""
    return Unreadable(f"{path}:{number}", message, f"{os.path.realpath(path)}:{number}")
