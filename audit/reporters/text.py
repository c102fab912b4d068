"""Terminal report: findings grouped by sentence, the span highlighted, then a summary.

Every string from an input (names, text, messages) goes through `audit.reporters.visible`
and is never read as rich markup, so the report shows it and a terminal never obeys it.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from itertools import accumulate

from audit.document import Sentence
from audit.findings import Finding, Severity, shown_suggestion
from audit.gate import skipped
from audit.reporters.batch_table import batch_table
from audit.reporters.segment_fields import position
from audit.reporters.source_fields import sentence_source_lines, source_summary_lines
from audit.reporters.visible import one_line, visible
from audit.results import Audit, Run
from audit.rules import REGISTRY
from audit.scores.mqm import counted, folded

_STYLE = {Severity.MINOR: "yellow", Severity.MAJOR: "bold red", Severity.CRITICAL: "bold white on red"}
_WINDOW = 70


def render(run: Run, *, color: bool = False, show_all: bool = False, width: int = 100) -> str:
    from rich.console import Console
    from rich.markup import escape

    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=True
    )
    for result in run.audits:
        _render_audit(console, result, show_all)
    for failure in run.failures:
        console.print(f"[bold red]error[/] {escape(one_line(failure.path))}: {escape(one_line(failure.message))}")
    if len(run.audits) + len(run.failures) > 1:
        console.print(batch_table(run))
        console.print(_batch_summary(run))
    return buffer.getvalue()


def _render_audit(console, result: Audit, show_all: bool) -> None:
    from rich.markup import escape

    document = result.document
    console.print(
        f"[bold]{escape(one_line(document.path))}[/]  ({result.language.code} {result.language.probability:.2f}, "
        f"{document.word_count} words, {document.encoding})"
    )
    for note in document.notes:
        console.print(f"  note: {escape(one_line(note))}")
    for line in source_summary_lines(result):
        console.print(visible(line), markup=False, style="cyan")
    if document.segments:
        _render_segments(console, result, _visible(result.findings, show_all))
    else:
        _render_sentences(console, result, show_all)
    folded = _folded_counts(result.findings, show_all)
    for code, count in sorted(folded.items()):
        console.print(f"  [dim]… {count} more {code} ({REGISTRY[code].name}); --show-all lists them[/]")
    console.print(_summary(result))
    console.print()


def _render_sentences(console, result: Audit, show_all: bool) -> None:
    document = result.document
    by_sentence: dict[int, list[Finding]] = defaultdict(list)
    for finding in _visible(result.findings, show_all):
        sentence = document.sentence_at(finding.start)
        by_sentence[sentence.index if sentence else -1].append(finding)
    for index in sorted(by_sentence):
        findings = by_sentence[index]
        if index >= 0:
            console.print(_excerpt(document.sentences[index], findings))
            for line in sentence_source_lines(result, index):
                console.print(visible(line), markup=False, style="dim")
        for finding in findings:
            console.print(_finding_line(finding))


def _render_segments(console, result: Audit, findings: list[Finding]) -> None:
    """A bilingual file: per unit with findings, its id (and learned QE score with `--qe`),
    source and target, then the findings."""
    document = result.document
    by_unit: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_unit[finding.segment.id].append(finding)
    for index, unit in enumerate(document.segments):
        if unit.id not in by_unit:
            continue
        scored = f"  · QE {result.qe.segments[index].score:.1f}" if result.qe is not None else ""
        console.print(f"  segment {one_line(unit.id)}{scored}", markup=False, style="bold")
        console.print(f"  source │ {one_line(unit.source)}", markup=False, style="dim")
        console.print(_excerpt(_as_sentence(document, unit), by_unit[unit.id], label="  target │ "))
        for finding in by_unit[unit.id]:
            console.print(_finding_line(finding, position(document, finding)))


def _visible(findings, show_all: bool) -> list[Finding]:
    return list(findings) if show_all else counted(list(findings))


def _folded_counts(findings, show_all: bool) -> Counter[str]:
    return Counter() if show_all else folded(list(findings))


def _as_sentence(document, unit) -> Sentence:
    return Sentence(-1, unit.start, unit.end, document.text[unit.start : unit.end], -1)


def _excerpt(sentence, findings: list[Finding], label: str = "  │ "):
    from rich.text import Text

    first = min(f.start for f in findings) - sentence.start
    lo = max(0, first - _WINDOW)
    hi = min(len(sentence.text), max(f.end for f in findings) - sentence.start + _WINDOW)
    text = Text(label + ("…" if lo else ""))
    shown = [one_line(char) for char in sentence.text[lo:hi].replace("\n", " ")]
    at = list(accumulate(map(len, shown), initial=len(text)))  # where each character starts, shown
    text.append("".join(shown))
    text.append("…" if hi < len(sentence.text) else "")
    for finding in findings:
        start = at[max(finding.start - sentence.start, lo) - lo]
        end = at[min(finding.end - sentence.start, hi) - lo]
        text.stylize(f"{_STYLE[finding.severity]} underline", start, max(end, start + 1))
    return text


def _finding_line(finding: Finding, where: str | None = None):
    from rich.text import Text

    line = Text(f"  {one_line(where) if where else f'{finding.line}:{finding.column}'} ")
    line.append(finding.code, style="bold")
    line.append(f" {finding.severity.value:<8}", style=_STYLE[finding.severity])
    line.append(f" {finding.category.value}  {one_line(finding.message)}")
    if finding.suggestion is not None:
        line.append(f"  → {one_line(shown_suggestion(finding.suggestion))}", style="green")
    if finding.context:
        line.append(f"\n      source: {one_line(finding.context)}", style="dim")
    return line


def _summary(result: Audit) -> str:
    counts = Counter(f.severity for f in result.findings)
    parts = ", ".join(f"{counts[s]} {s.value}" for s in reversed(Severity) if counts[s]) or "none"
    verdict = result.verdict
    evidence = ", ".join(f"{code} {REGISTRY[code].name} {weight:g}" for code, weight in verdict.top_evidence)
    hidden = f" · {result.baseline_matched} more in the baseline" if result.baseline_matched else ""
    return (
        f"[bold]{len(result.findings)} findings[/] ({parts}){hidden} · MQM score {result.score:.1f} · "
        + (f"learned QE {result.qe.score:.1f} · " if result.qe is not None else "")
        + f"verdict: [bold]{verdict.label}[/] (mt_likelihood {verdict.mt_likelihood:.2f})"
        + (f"\n  evidence: {evidence}" if evidence else "")
        + _fixable(result)
    )


def _fixable(result: Audit) -> str:
    """How many findings `check --fix` would take on, as ruff counts them (HTML is not fixed)."""
    fixes = [f.fix for f in result.findings if f.fix is not None]
    if not fixes or result.document.media_type == "text/html":
        return ""
    safe = sum(fix.safe for fix in fixes)
    unsafe = f" ({len(fixes) - safe} more with --unsafe-fixes)" if len(fixes) > safe else ""
    return f"\n  fixable: {safe} with --fix{unsafe}"


def _batch_summary(run: Run) -> str:
    labels = Counter(a.verdict.label for a in run.audits)
    found = sum(len(a.findings) for a in run.audits)
    verdicts = ", ".join(f"{n} {label}" for label, n in sorted(labels.items()))
    skipped_ = f", {len(skipped(run))} skipped (not French)" if skipped(run) else ""
    return f"[bold]{len(run.audits)} documents[/] ({verdicts}), {len(run.failures)} errors{skipped_}, {found} findings"
