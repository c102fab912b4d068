"""What the HTML report shows, as plain values: rows of text with nested highlights.

The article is cut into rows, one per sentence, that together cover the whole text (a row
runs from its sentence's start to the next one's, less the line breaks ending it), so every
finding starts in exactly one row. Inside a row, findings become nested `Piece`s: one highlight per finding, a finding that
starts inside another nests in it, one that would cross its parent's end is clipped there.
That keeps the page valid HTML and the count of highlights equal to the count of findings.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from audit.findings import Finding, Severity
from audit.results import Audit


@dataclass(frozen=True)
class Piece:
    """Plain text, or the highlight of finding number `finding` around `children`."""

    text: str = ""
    finding: int | None = None
    children: tuple[Piece, ...] = ()


@dataclass(frozen=True)
class SourceLine:
    """A source passage aligned with a sentence, and how it was aligned."""

    source: str
    text: str
    how: str


@dataclass(frozen=True)
class Row:
    """One sentence (with the text up to the next one) and its MQM score."""

    index: int
    pieces: tuple[Piece, ...]
    score: float | None
    penalty: int
    new_paragraph: bool
    sources: tuple[SourceLine, ...]


@dataclass(frozen=True)
class DocumentView:
    """One document as the report shows it: anchor, rows, counts for its chart, and the order
    of its findings list (indices into `result.findings`, worst first, then reading order)."""

    anchor: str
    result: Audit
    rows: tuple[Row, ...]
    counts: dict[tuple[str, str], int]  # (category, severity) → findings
    listed: tuple[int, ...]

    @property
    def clean(self) -> bool:
        """Judged clean with nothing worse than minor findings: a batch report folds it."""
        return self.result.verdict.label == "clean" and all(f.severity is Severity.MINOR for f in self.result.findings)

    @property
    def has_source(self) -> bool:
        return any(row.sources for row in self.rows)


def document_view(number: int, result: Audit) -> DocumentView:
    counts = Counter((f.category.value, f.severity.value) for f in result.findings)
    made = segment_rows(result) if result.document.segments else rows(result)
    findings = result.findings
    listed = sorted(range(len(findings)), key=lambda i: (-findings[i].severity.rank, findings[i].start, findings[i].end, i))
    return DocumentView(f"doc-{number}", result, tuple(made), dict(counts), tuple(listed))


def segment_rows(result: Audit) -> list[Row]:
    """A bilingual file: one row per unit, its target beside its source (the source column),
    scored by its worst sentence. Every finding lies in its unit's target span."""
    document = result.document
    numbered = sorted(enumerate(result.findings), key=lambda nf: (nf[1].start, -nf[1].end, nf[0]))
    scores = result.sentence_scores
    made, position = [], 0
    for index, unit in enumerate(document.segments):
        last = index == len(document.segments) - 1
        inside = []
        while position < len(numbered) and (last or numbered[position][1].start <= unit.end):
            inside.append(numbered[position])
            position += 1
        within = [s for s in scores if unit.start <= s.start < max(unit.end, unit.start + 1)]
        made.append(Row(
            index=index,
            pieces=tuple(_pieces(document.text, unit.start, unit.end, inside)),
            score=min((s.score for s in within), default=None),
            penalty=sum(s.penalty for s in within),
            new_paragraph=True,
            sources=(SourceLine(f"segment {unit.id}", unit.source, _source_label(result, index)),),
        ))
    return made


def _source_label(result: Audit, index: int) -> str:
    """'source', with the unit's learned QE score when `--qe` gave one."""
    return "source" if result.qe is None else f"source · QE {result.qe.segments[index].score:.1f}"


def rows(result: Audit) -> list[Row]:
    document = result.document
    sentences = document.sentences
    bounds = [0] + [s.start for s in sentences[1:]] + [len(document.text)] if sentences else [0, len(document.text)]
    scores = {s.index: s for s in result.sentence_scores}
    aligned = aligned_sources(result)
    numbered = sorted(enumerate(result.findings), key=lambda nf: (nf[1].start, -nf[1].end, nf[0]))
    made, position = [], 0
    for index in range(len(bounds) - 1):
        start, end = bounds[index], bounds[index + 1]
        last = index == len(bounds) - 2
        inside = []
        while position < len(numbered) and (numbered[position][1].start < end or last):
            inside.append(numbered[position])
            position += 1
        score = scores.get(index)
        pieces = _pieces(document.text, start, end, inside)
        if pieces and pieces[-1].finding is None:  # the paragraph gap is drawn by CSS instead
            pieces[-1] = Piece(pieces[-1].text.rstrip("\r\n"))
        made.append(
            Row(
                index=index,
                pieces=tuple(pieces),
                score=score.score if score else None,
                penalty=score.penalty if score else 0,
                new_paragraph=index == 0 or sentences[index].paragraph != sentences[index - 1].paragraph,
                sources=aligned.get(index, ()),
            )
        )
    return made


def _pieces(text: str, start: int, end: int, numbered: list[tuple[int, Finding]]) -> list[Piece]:
    pieces, position, i = [], start, 0
    while i < len(numbered):
        number, finding = numbered[i]
        stop = max(min(finding.end, end), finding.start)
        j = i + 1
        while j < len(numbered) and numbered[j][1].start < stop:
            j += 1
        if finding.start > position:
            pieces.append(Piece(text[position : finding.start]))
        pieces.append(Piece(finding=number, children=tuple(_pieces(text, finding.start, stop, numbered[i + 1 : j]))))
        position, i = max(position, stop), j
    if position < end:
        pieces.append(Piece(text[position:end]))
    return pieces


def aligned_sources(result: Audit) -> dict[int, tuple[SourceLine, ...]]:
    """SOURCE COLUMN (issue 3): sentence index → the source passages aligned with it, from
    `Audit.sourced_sentences` (spans with source id, text, link shape and similarity). A
    source-free run has none, and the report then shows no source column."""
    return {
        sourced.index: tuple(
            SourceLine(span.source_id, span.text, f"{span.link} · similarity {span.similarity:.2f}")
            for span in sourced.spans
        )
        for sourced in getattr(result, "sourced_sentences", ())
        if sourced.spans
    }


def severity_order() -> list[str]:
    return [s.value for s in reversed(Severity)]
