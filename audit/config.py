"""One validated settings object: defaults < configuration file < command line.

`audit.config_files` finds and reads the file and merges the three, noting each value's origin.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.errors import UserError
from audit.findings import Severity
from audit.ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_PARSE_SECONDS
from audit.tree import DEFAULT_EXCLUDE

FAIL_ON_CHOICES = ("minor", "major", "critical", "never")
# "e5" adds the e5-embedding classifier (the [sources] extra) to the verdict: seconds per article.
VERDICT_MODELS = ("rules", "e5")


@dataclass(frozen=True)
class Settings:
    """Everything a run depends on; its `signature` goes into every JSON report."""

    select: tuple[str, ...] = ("MT",)
    ignore: tuple[str, ...] = ()
    fail_on: str = "major"
    strict_spacing: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    max_parse_seconds: float = DEFAULT_MAX_PARSE_SECONDS  # CPU time an HTML page may take to parse
    boilerplate: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    min_score: float | None = None
    max_mt_likelihood: float | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, code prefixes)
    accept: tuple[str, ...] = ()  # the site's own terms: never flagged
    baseline: str | None = None  # path of a baseline file: its findings are not reported
    sources: str | None = None  # a corpus folder: retrieve, align and check against its reports
    index: str | None = None  # the corpus index (default: SOURCES/.mtaudit-index.sqlite)
    max_sources: int = 2
    source_files: tuple[str, ...] = ()  # `--source`: files the article is known to translate
    comet_model: str | None = None  # a local COMET checkpoint, for per-sentence COMET scores
    terminology: dict[str, str] = field(default_factory=dict)  # the site's term to avoid → to use
    glossary: str | None = None  # bilingual files: a CSV or TBX glossary, source term → target term
    qe: bool = False  # bilingual files: learned QE scores each unit and adds its spans (MT712)
    # which files a directory walk skips (audit.tree); they change what is read, not results
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    respect_gitignore: bool = True
    fail_on_skipped: bool = False  # a file that is not French fails the run (exit 2)
    inline_suppressions: bool = True  # obey `mtaudit: ignore…` markers in the text (off for untrusted pages)
    lang: str = "en"  # the CLI's lines and the text and HTML reports (audit.messages); JSON etc. stay English
    verdict_model: str = "rules"  # which model gives mt_likelihood (VERDICT_MODELS)

    def __post_init__(self) -> None:
        if self.fail_on not in FAIL_ON_CHOICES:
            raise UserError(f"fail_on: {self.fail_on!r} is not one of {', '.join(FAIL_ON_CHOICES)}")
        if self.verdict_model not in VERDICT_MODELS:
            raise UserError(f"verdict_model: {self.verdict_model!r} is not one of {', '.join(VERDICT_MODELS)}")
        for code, level in self.severity.items():
            if level not in {s.value for s in Severity}:
                raise UserError(f"severity.{code}: {level!r} is not minor, major or critical")
        if self.max_bytes <= 0:
            raise UserError("max_bytes: must be a positive number of bytes")
        if not 0 < self.max_parse_seconds < float("inf"):
            raise UserError("max_parse_seconds: must be a positive number of seconds")

    @property
    def fail_on_severity(self) -> Severity | None:
        return None if self.fail_on == "never" else Severity(self.fail_on)

    @property
    def signature(self) -> str:
        """Options that change results, sacrebleu-style: `select:MT|ignore:-|…`."""
        parts = [
            f"select:{','.join(self.select) or '-'}",
            f"ignore:{','.join(self.ignore) or '-'}",
            f"spacing:{'strict' if self.strict_spacing else 'lenient'}",
            f"boilerplate:+{len(self.boilerplate)}",
            "severity:" + (",".join(f"{k}={v}" for k, v in sorted(self.severity.items())) or "-"),
            f"per-file-ignores:{len(self.per_file_ignores)}",
            f"accept:+{len(self.accept)}",
            f"baseline:{'yes' if self.baseline else 'no'}",
            f"sources:{'yes' if self.sources or self.source_files else 'no'}",
            f"comet:{'yes' if self.comet_model else 'no'}",
            f"terminology:+{len(self.terminology)}",
            f"glossary:{'yes' if self.glossary else 'no'}",
            f"inline-suppressions:{'yes' if self.inline_suppressions else 'no'}",
        ]
        # defaults leave earlier signatures (and audit-site resumes) as they were
        if self.qe:
            parts.append("qe:yes")
        if self.verdict_model != "rules":
            parts.append(f"verdict:{self.verdict_model}")
        return "|".join(parts)


def split_codes(listed: str | None) -> tuple[str, ...]:
    """Rule codes or prefixes from a comma-separated list (command line, inline markers)."""
    return tuple(code.strip().upper() for code in (listed or "").split(",") if code.strip())
