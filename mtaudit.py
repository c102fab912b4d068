"""mtaudit's Python API: audit French text, a file, or a translation against its source.

    >>> import mtaudit
    >>> result = mtaudit.check_text("Le ministre a parlé d'une “menace importante” vendredi.")
    >>> [(f.code, f.text) for f in result.findings]
    [('MT101', '“'), ('MT101', '”')]
    >>> result.verdict.label  # one sentence is too little to judge a text by
    'too short'
    >>> pair = mtaudit.check_pair("La Corée du Nord a envoyé des soldats en Ukraine.",
    ...                           "North Korea has sent soldiers to Russia.")
    >>> [(f.code, f.text) for f in pair.findings if f.code.startswith("MT6")]
    [('MT601', 'en Ukraine')]

Settings are keyword arguments named as in the configuration file, with underscores
(`select=["MT1"]`, `fail_on="critical"`, `strict_spacing=True`, `sources="corpus/"`); they
are validated the same way, and no configuration file is read. Each call returns an `Audit`:
the `document`, its `language`, the `findings` (`Finding`: code, name, category, severity,
start, end, line, column, text, message, suggestion), per-sentence `sentence_scores`, the
MQM `score`, and the `verdict`. Bad input raises `InputError`, bad settings `UserError`;
both carry the one-line message the command line prints.
"""

from __future__ import annotations

from audit.config import Settings
from audit.config_files import convert
from audit.errors import InputError, UserError
from audit.findings import Category, Finding, Severity
from audit.ingest import RawText
from audit.pipeline import audit_path, audit_text
from audit.results import Audit
from audit.verdict import Verdict

__all__ = [
    "Audit", "Category", "Finding", "InputError", "Settings", "Severity", "UserError", "Verdict",
    "check_pair", "check_path", "check_text",
]


def check_text(text: str, *, path: str = "<text>", **settings) -> Audit:
    """Audit `text` as a plain-text article; `path` names it in findings and reports."""
    return audit_text(RawText(path, text, "utf-8", "text/plain", ()), _settings(settings))


def check_path(path: str, **settings) -> Audit:
    """Audit a file (.txt, .md, .html…) as `mtaudit check` does, without modifying it."""
    return audit_path(str(path), _settings(settings))


def _settings(given: dict) -> Settings:
    return Settings(**convert(given, "mtaudit settings"))


def check_pair(target: str, source: str, *, source_lang: str | None = None, path: str = "<text>",
               **settings) -> Audit:
    """Audit the French `target` as a translation of `source` (English or French, guessed when
    `source_lang` is not given): the source checks MT6xx and per-sentence scores run against
    it, aligned sentence by sentence; `result.sources` holds the alignment."""
    from audit.sources.corpus import guess_language

    lang = source_lang or guess_language(source)
    raw = RawText(path, target, "utf-8", "text/plain", ())
    return audit_text(raw, _settings(settings), (source, "en" if lang == "en" else "fr"))
