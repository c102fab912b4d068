"""Terminal report: each document's verdict first, then its findings as ruff prints them.

A document opens with one line, `path: verdict (mt_likelihood …), MQM score …, N findings`,
and a few indented lines (language and size, evidence, what `--fix` would take on, sources).
Each finding follows as `path:line:col: CODE [severity] message → suggestion`, the form
editors and terminals turn into links, and under the findings of one sentence the sentence
itself with their spans highlighted. `quiet` keeps the finding lines only (all of them, nits
unfolded). Failed inputs are not repeated here: the CLI has said them on stderr, and a batch's
table marks them `error`. Headings, verdict labels and the findings' messages are in the run's language
(`audit.messages`; `Finding.message` itself stays English).

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
from audit.messages import N_, _, finding_message, ngettext
from audit.reporters.batch_table import batch_table
from audit.reporters.segment_fields import position
from audit.reporters.source_fields import sentence_source_lines, source_summary_lines
from audit.reporters.visible import one_line, visible
from audit.results import Audit, Run
from audit.rules import REGISTRY
from audit.scores.mqm import counted, folded
from audit.terminal import UNWRAPPED

_STYLE = {Severity.MINOR: "yellow", Severity.MAJOR: "bold red", Severity.CRITICAL: "bold white on red"}
SEVERITY_NAMES = {Severity.MINOR: N_("minor"), Severity.MAJOR: N_("major"), Severity.CRITICAL: N_("critical")}


# `3 major`: a message per severity and count, since French makes the adjective agree.
_SEVERITY_COUNTS = {
    Severity.MINOR: lambda n: ngettext("{count} minor", "{count} minor", n),
    Severity.MAJOR: lambda n: ngettext("{count} major", "{count} major", n),
    Severity.CRITICAL: lambda n: ngettext("{count} critical", "{count} critical", n),
}
_WINDOW = 70


def render(run: Run, *, color: bool = False, show_all: bool = False, width: int = UNWRAPPED,
           quiet: bool = False) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=True
    )
    for result in run.audits:
        _render_audit(console, result, show_all, quiet)
    if not quiet and len(run.audits) + len(run.failures) > 1:
        console.print()
        console.print(batch_table(run))
        console.print(_batch_summary(run), markup=False)
    return buffer.getvalue()


def _render_audit(console, result: Audit, show_all: bool, quiet: bool) -> None:
    if not quiet:
        _render_heading(console, result)
    path, every = one_line(result.document.path), show_all or quiet
    render_findings = _render_segments if result.document.segments else _render_sentences
    render_findings(console, result, path, _visible(result.findings, every), quiet)
    if quiet:
        return
    for code, count in sorted(_folded_counts(result.findings, show_all).items()):
        console.print(_("  … {count} more {code} ({name}); --show-all lists them").format(
            count=count, code=code, name=REGISTRY[code].name), style="dim", markup=False)
    console.print()


def _render_heading(console, result: Audit) -> None:
    """The verdict line, then what it rests on."""
    from rich.text import Text

    document, verdict = result.document, result.verdict
    heading = Text(f"{one_line(document.path)}: ", style="bold")
    heading.append(_(verdict.label), style="bold")
    heading.append(" (mt_likelihood {:.2f}), {} {:.1f}, ".format(verdict.mt_likelihood, _("MQM score"), result.score))
    heading.append(_counts(result))
    if result.qe is not None:
        heading.append(", {} {:.1f}".format(_("learned QE"), result.qe.score))
    console.print(heading)
    console.print("  " + _("{language} {probability:.2f}, {words} words, {encoding}").format(
        language=result.language.code, probability=result.language.probability, words=document.word_count,
        encoding=document.encoding), markup=False)
    evidence = ", ".join(f"{code} {REGISTRY[code].name} {weight:g}" for code, weight in verdict.top_evidence)
    if evidence:
        console.print("  " + _("evidence: {evidence}").format(evidence=evidence), markup=False)
    if fixable := _fixable(result):
        console.print(fixable, markup=False)
    for note in document.notes:
        console.print("  " + _("note: {note}").format(note=one_line(note)), markup=False)
    for line in source_summary_lines(result):
        console.print(visible(line), markup=False, style="cyan")


def _counts(result: Audit) -> str:
    counts = Counter(f.severity for f in result.findings)
    parts = ", ".join(_SEVERITY_COUNTS[s](counts[s]).format(count=counts[s]) for s in reversed(Severity) if counts[s])
    total = len(result.findings)
    text = ngettext("{count} finding", "{count} findings", total).format(count=total)
    text += f" ({parts})" if parts else ""
    if result.baseline_matched:
        text += ", " + _("{count} more in the baseline").format(count=result.baseline_matched)
    return text


def _render_sentences(console, result: Audit, path: str, findings: list[Finding], quiet: bool) -> None:
    """Per sentence with findings, the findings, then the sentence and its aligned sources."""
    document = result.document
    by_sentence: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        sentence = document.sentence_at(finding.start)
        by_sentence[sentence.index if sentence else -1].append(finding)
    for index in sorted(by_sentence):
        findings = by_sentence[index]
        for finding in findings:
            console.print(_finding_line(path, finding, f"{finding.line}:{finding.column}"))
        if index >= 0 and not quiet:
            console.print(_excerpt(document.sentences[index], findings))
            for line in sentence_source_lines(result, index):
                console.print(visible(line), markup=False, style="dim")


def _render_segments(console, result: Audit, path: str, findings: list[Finding], quiet: bool) -> None:
    """A bilingual file: per unit with findings, the findings, then its learned QE score (with
    `--qe`), source and target."""
    document = result.document
    by_unit: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_unit[finding.segment.id].append(finding)
    for index, unit in enumerate(document.segments):
        if unit.id not in by_unit:
            continue
        for finding in by_unit[unit.id]:
            console.print(_finding_line(path, finding, position(document, finding)))
        if not quiet:
            if result.qe is not None:
                console.print("  {} {:.1f}".format(_("learned QE"), result.qe.segments[index].score), markup=False)
            console.print("  {} │ {}".format(_("source"), one_line(unit.source)), markup=False, style="dim")
            console.print(_excerpt(_as_sentence(document, unit), by_unit[unit.id], label="  {} │ ".format(_("target"))))


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
    text = Text(label + ("…" if lo else ""), style="dim")
    shown = [one_line(char) for char in sentence.text[lo:hi].replace("\n", " ")]
    at = list(accumulate(map(len, shown), initial=len(text)))  # where each character starts, shown
    text.append("".join(shown))
    text.append("…" if hi < len(sentence.text) else "")
    for finding in findings:
        start = at[max(finding.start - sentence.start, lo) - lo]
        end = at[min(finding.end - sentence.start, hi) - lo]
        text.stylize(f"{_STYLE[finding.severity]} underline", start, max(end, start + 1))
    return text


def _finding_line(path: str, finding: Finding, where: str):
    """`path:line:col: CODE [severity] message → suggestion`, then a source's context."""
    from rich.text import Text

    line = Text(f"{path}:{one_line(where)}: ")
    line.append(finding.code, style="bold")
    line.append(f" [{_(SEVERITY_NAMES[finding.severity])}]", style=_STYLE[finding.severity])
    line.append(f" {one_line(finding_message(finding.message))}")
    if finding.suggestion is not None:
        shown = _("(delete)") if finding.suggestion == "" else shown_suggestion(finding.suggestion)
        line.append(f" → {one_line(shown)}", style="green")
    if finding.context:
        line.append("\n      {}: {}".format(_("source"), one_line(finding.context)), style="dim")
    return line


def _fixable(result: Audit) -> str:
    """How many findings `check --fix` would take on, as ruff counts them (HTML is not fixed)."""
    fixes = [f.fix for f in result.findings if f.fix is not None]
    if not fixes or result.document.media_type == "text/html":
        return ""
    safe = sum(fix.safe for fix in fixes)
    unsafe = len(fixes) - safe
    more = " " + _("({count} more with --unsafe-fixes)").format(count=unsafe) if unsafe else ""
    return "  " + _("fixable: {count} with --fix").format(count=safe) + more


def _batch_summary(run: Run) -> str:
    labels = Counter(a.verdict.label for a in run.audits)
    found = sum(len(a.findings) for a in run.audits)
    verdicts = ", ".join(f"{n} {_(label)}" for label, n in sorted(labels.items()))
    parts = [ngettext("{count} document", "{count} documents", len(run.audits)).format(count=len(run.audits))
             + (f" ({verdicts})" if verdicts else ""),
             ngettext("{count} error", "{count} errors", len(run.failures)).format(count=len(run.failures))]
    if skipped(run):
        parts.append(_("{count} skipped (not French)").format(count=len(skipped(run))))
    parts.append(ngettext("{count} finding", "{count} findings", found).format(count=found))
    return ", ".join(parts)
