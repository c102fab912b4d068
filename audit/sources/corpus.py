"""A corpus: a folder of source reports (.txt, .md, .html, .jsonl) read into `Report`s.

Text and Markdown files are one report each, titled by their first line; HTML goes through
the same article extraction as audited pages; a `.jsonl` file holds one report per line with
`id`, `url`, `lang`, `date`, `title` and `text`. A README file documents a corpus and is
not a report. Reports without a `lang` get a quick French
or English guess from function words: indexing must read a thousand reports a second, and
the only question is which side of a French article a report sits on.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from audit.errors import UserError

CORPUS_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_FUNCTION_WORDS = {
    "fr": frozenset({"le", "la", "les", "des", "du", "et", "est", "une", "un", "dans", "que", "qui",
                     "pour", "sur", "au", "aux", "pas", "ne", "se", "en", "il", "à"}),
    "en": frozenset({"the", "and", "of", "to", "is", "was", "that", "in", "for", "with", "on", "by",
                     "has", "have", "are", "it", "said"}),
}
_WORD = re.compile(r"[a-zà-ÿ]+")


@dataclass(frozen=True)
class Report:
    """One source report. `id` is its path inside the corpus (with `#id` for JSONL lines)."""

    id: str
    path: str
    lang: str
    title: str
    text: str
    url: str = ""
    date: str = ""


def corpus_files(folder: str) -> list[Path]:
    """The readable reports of a corpus folder, sorted, hidden files and folders skipped."""
    root = Path(folder)
    if not root.is_dir():
        raise UserError(f"{folder}: not a corpus folder (give a directory of source reports)")
    found = []
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        found += [Path(directory) / n for n in names if is_report(n)]
    return sorted(found)


def is_report(name: str) -> bool:
    return name.lower().endswith(CORPUS_SUFFIXES) and name[0] != "." and not name.upper().startswith("README")


def relative_name(path: Path, root: Path) -> str:
    """`path` under `root`, as the index stores it: a name that is not valid UTF-8 keeps its
    bad bytes as `\\xNN` (SQLite, like every report, takes only valid text)."""
    return os.fsencode(path.relative_to(root).as_posix()).decode("utf-8", "backslashreplace")


def read_reports(path: Path, root: Path) -> Iterator[Report]:
    """The reports one corpus file holds (a JSONL file holds many)."""
    relative = relative_name(path, root)
    try:
        content = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise UserError(f"{path}: cannot read ({error.strerror})") from None
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl_reports(content, relative)
        return
    if path.suffix.lower() in (".html", ".htm"):
        from audit.ingest import extract_article

        content = extract_article(content, str(path))
    title = content.strip().split("\n", 1)[0].lstrip("# ").strip()
    yield Report(relative, relative, guess_language(content), title, content)


def _jsonl_reports(content: str, relative: str) -> Iterator[Report]:
    for number, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise UserError(f"{relative}:{number}: not a JSON record ({error.msg})") from None
        text = str(record.get("text") or "")
        title = str(record.get("title") or "")
        body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
        yield Report(
            id=f"{relative}#{record.get('id', number)}",
            path=relative,
            lang=str(record.get("lang") or guess_language(body)),
            title=title,
            text=body,
            url=str(record.get("url") or ""),
            date=str(record.get("date") or ""),
        )


def guess_language(text: str) -> str:
    """'fr' or 'en' by function-word counts over the first 2,000 characters ('und' if unsure)."""
    words = _WORD.findall(text[:2000].lower())
    counts = {lang: sum(w in vocabulary for w in words) for lang, vocabulary in _FUNCTION_WORDS.items()}
    best, other = sorted(counts, key=counts.get, reverse=True)
    return best if counts[best] >= 2 and counts[best] > counts[other] else "und"


def report_document(report: Report):
    """The report cut into sentences by the rules of its language, ready for alignment."""
    from audit.ingest import RawText
    from audit.segment import segment

    language = report.lang if report.lang in ("fr", "en") else "fr"
    return segment(RawText(report.id, report.text, "utf-8", "text/plain", ()), language)
