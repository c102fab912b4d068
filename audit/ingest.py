"""Bytes to text: size limits, binary sniffing, decoding, article extraction from HTML, and
Markdown's prose (`audit.markdown`: what is not prose is masked, so offsets stay the file's).

Offsets downstream index the text returned here, so decoding (`audit.decoding`) keeps every
character: CRLF, U+00A0 and U+202F stay as they are. Only a byte order mark is dropped (and
noted).
"""

from __future__ import annotations

import os
import re
import sys
import time
from dataclasses import dataclass

from audit.decoding import decode, unicode_mark
from audit.document import Segment
from audit.errors import InputError
from audit.html_depth import TooMalformed, bounded

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# CPU seconds an HTML page may take to parse: 2 MB of `<p>x`, the slowest shape, about 2 s and
# 10 MB about 12 s on a loaded machine; ordinary pages take milliseconds.
DEFAULT_MAX_PARSE_SECONDS = 20.0
# A page with more tags than this is extracted in one streaming pass (`audit.html_stream`),
# which holds no tree: lexbor's costs about 300 bytes an element, 6 MiB at this size.
STREAM_ABOVE_TAGS = 20_000
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKDOWN_SUFFIXES = (".md", ".markdown")
_BLOCK_TAGS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td, dt, dd"
BLOCKS = frozenset(_BLOCK_TAGS.split(", "))
# A block holding no other block, found in one query: asking each block for its blocks took
# 17 s on a page of 400,000 unclosed <p> (each query has a fixed cost), this takes 1.3 s.
_LEAF_BLOCKS = ", ".join(f"{tag}:not(:has({_BLOCK_TAGS}))" for tag in _BLOCK_TAGS.split(", "))
_ASCII_SPACE = re.compile(r"[ \t\r\n\f]+")
# `<!-- mtaudit: ignore MT101 -->` becomes a line of its own, read by audit.suppressions.
_SUPPRESSION_COMMENT = re.compile(r"<!--\s*(mtaudit:[^<>]*?)\s*-->", re.IGNORECASE)
# Furniture and code, dropped with what they hold; `audit.html_stream` drops the same.
DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")


@dataclass(frozen=True)
class RawText:
    """Decoded text ready for segmentation, with how it was obtained."""

    path: str
    text: str
    encoding: str
    media_type: str
    notes: tuple[str, ...]
    segments: tuple[Segment, ...] = ()
    non_prose: tuple[tuple[int, int], ...] = ()  # masked spans of `text` (Markdown markup)


def load(path: str, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None,
         max_parse_seconds: float = DEFAULT_MAX_PARSE_SECONDS) -> RawText:
    """Read `path` ('-' for standard input) without ever writing to it; bilingual files
    (XLIFF, TMX, PO, CSV/TSV, JSONL) become their targets, one paragraph per segment. `name`
    (`--stdin-filename`) stands for `path` in reports and says by its suffix how to read it."""
    from audit.bilingual import bilingual_format, read_bilingual

    name = name or path
    if bilingual_format(name):
        return read_bilingual(name, read_bounded(path, max_bytes))
    return from_bytes(name, read_bounded(path, max_bytes), max_parse_seconds)


def from_bytes(path: str, data: bytes, max_parse_seconds: float = DEFAULT_MAX_PARSE_SECONDS) -> RawText:
    """Decode bytes read elsewhere (a site run reads and hashes them before auditing)."""
    if not data.strip():
        raise InputError(f"{path}: empty input")
    if unicode_mark(data) is None and looks_binary(data):
        raise InputError(f"{path}: binary file, not text")
    text, encoding, notes = decode(path, data)
    if _is_html(path, text):
        return RawText(path, extract_article(text, path, max_parse_seconds), encoding, "text/html", notes)
    if path.lower().endswith(_MARKDOWN_SUFFIXES):
        from audit.markdown import prose

        masked, spans = prose(text)
        return RawText(path, masked, encoding, "text/markdown", notes, non_prose=spans)
    return RawText(path, text, encoding, "text/plain", notes)


def read_bounded(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        if os.path.isdir(path):
            raise InputError(f"{path}: is a directory (give files, or a directory to `check` in batch)")
        try:
            size = os.path.getsize(path)
            if size > max_bytes:
                raise InputError(_too_big(path, max_bytes))
            with _open_without_waiting(path) as handle:
                data = handle.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except PermissionError:
            raise InputError(f"{path}: permission denied") from None
        except OSError as error:
            raise InputError(f"{path}: cannot read ({error.strerror})") from None
    if len(data) > max_bytes:
        raise InputError(_too_big(path, max_bytes))
    return data


def _open_without_waiting(path: str):
    """Open for reading even a named pipe nobody writes to: a plain open() would wait for a
    writer forever. Reads then block as usual, and a pipe without a writer reads as empty."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _too_big(path: str, max_bytes: int) -> str:
    return f"{path}: larger than the {max_bytes:,} byte limit (raise it with --max-bytes)"


def looks_binary(data: bytes) -> bool:
    """NUL bytes never occur in text; many C0 controls mean a binary format."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def _is_html(path: str, text: str) -> bool:
    if path.lower().endswith(_HTML_SUFFIXES):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def extract_article(html: str, path: str = "page", max_parse_seconds: float = DEFAULT_MAX_PARSE_SECONDS) -> str:
    """The article's text, one block element per paragraph.

    Takes <article> (else <main>, else <body>) and drops navigation, scripts and furniture, the
    way readability-style extractors do, with a real HTML5 parser (selectolax/lexbor), fed a
    page whose nesting is bounded first (`audit.html_depth`: parsing time grows with its square).
    A page of more than `STREAM_ABOVE_TAGS` tags goes through `audit.html_stream` instead: the
    same text without a tree, and a parse that stops after `max_parse_seconds` of CPU time.
    A page that would parse in more than linear time, or past that limit, is an InputError
    naming `path`.
    """
    deadline = time.thread_time() + max_parse_seconds
    try:
        page = prepared_page(html)
    except TooMalformed as error:
        raise InputError(f"{path}: {error}") from None
    if page.count("<") > STREAM_ABOVE_TAGS:
        from audit.html_stream import Timeout, Unsupported, extract

        try:
            return extract(page, deadline)
        except Timeout:
            raise InputError(f"{path}: HTML not parsed within {max_parse_seconds:g} s of CPU time "
                             "(raise the limit with --max-parse-seconds)") from None
        except Unsupported:  # a <frameset> page has no body to audit; lexbor's tree of it would be large
            raise InputError(f"{path}: an HTML frameset of over {STREAM_ABOVE_TAGS:,} tags, not audited") from None
    return _lexbor_article(page)


def prepared_page(html: str) -> str:
    """The page both extractors read: suppression comments made paragraphs of their own, and
    nesting bounded (`audit.html_depth`, which raises TooMalformed)."""
    return bounded(_SUPPRESSION_COMMENT.sub(r"<p>\1</p>", html), BLOCKS)


def _lexbor_article(page: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(page)
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return ""
    for node in root.css(", ".join(DROP_TAGS)):
        node.decompose()
    leaves = root.css(_LEAF_BLOCKS)
    blocks = [squeeze(node.text(separator=" ")) for node in leaves] or [squeeze(root.text())]
    return "\n\n".join(b for b in blocks if b) + "\n"


def squeeze(text: str) -> str:
    """Collapse markup white space but keep U+00A0/U+202F, which French typography needs."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # no tab, newline, double or outer space: most short blocks
    return _ASCII_SPACE.sub(" ", text).strip(" ")
