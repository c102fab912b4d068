"""The sources stage's result: an article's retrieved sources, cut into sentences and aligned.

A `SourceContext` is all the source rules (MT6xx, in `audit.rules`) and the reference scores
read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audit.document import Document
from audit.errors import UserError
from audit.sources.align import Alignment, Link, align
from audit.sources.corpus import Report, report_document
from audit.sources.retrieve import Candidate, retrieve


@dataclass(frozen=True)
class AlignedSource:
    """One chosen source: why it was chosen, its sentences and the alignment with the article."""

    candidate: Candidate
    document: Document
    alignment: Alignment

    @property
    def report(self) -> Report:
        return self.candidate.report

    def source_text(self, link: Link) -> str:
        return " ".join(self.document.sentences[j].text for j in link.source)

    def source_span(self, link: Link) -> tuple[int, int] | None:
        if not link.source:
            return None
        return self.document.sentences[link.source[0]].start, self.document.sentences[link.source[-1]].end


@dataclass(frozen=True)
class SourceContext:
    """The article's sources, best first; the first is the one omissions are measured against."""

    sources: tuple[AlignedSource, ...]

    @property
    def primary(self) -> AlignedSource | None:
        return self.sources[0] if self.sources else None


def align_with(document: Document, candidate: Candidate) -> AlignedSource:
    """The monotonic alignment: for what is one translation of one text."""
    source = report_document(candidate.report)
    return AlignedSource(candidate, source, align(document, source, "fr", source_lang(candidate.report)))


def match_with(document: Document, candidate: Candidate) -> AlignedSource:
    """The alignment that allows reordering: for a retrieved report an article may rearrange."""
    from audit.sources.match import match

    source = report_document(candidate.report)
    return AlignedSource(candidate, source, match(document, source, "fr", source_lang(candidate.report)))


def source_lang(report: Report) -> str:
    return "en" if report.lang == "en" else "fr"


CANDIDATES_ALIGNED = 6  # retrieved reports aligned with the article before choosing by coverage


def find_sources(document: Document, index_path: str | Path, limit: int = 2) -> SourceContext:
    """The reports that explain the article (`audit.sources.evidence`), at most `limit`."""
    from audit.sources.evidence import by_coverage
    from audit.sources.index import remember_sentences

    # Coverage, not the retrieval score, decides among these: a report the article uses for
    # two sentences may score far below the one it follows.
    candidates = retrieve(document, index_path, max(limit, CANDIDATES_ALIGNED), relative=0.0)
    remember_sentences(index_path, [c.report.id for c in candidates])  # embedded when indexed
    aligned = [match_with(document, c) for c in candidates]
    return SourceContext(tuple(by_coverage(aligned, limit)))


def given_source(report: Report) -> Candidate:
    """A source named by the user (`mtaudit align`): chosen outright, no retrieval evidence."""
    return Candidate(report, 1.0, 0.0, 0.0, (), ())


def pair_context(document: Document, source_text: str, source_lang: str, name: str = "<source>") -> SourceContext:
    """The context of a known translation pair: `document` checked against one source text.

    For what is one translation of one text (`check --source`, bilingual files, evaluation
    pairs): no retrieval, and the monotonic alignment, since a translation keeps its order.
    """
    report = Report(name, name, source_lang, "", source_text)
    return SourceContext((align_with(document, given_source(report)),))


def read_source(source: str) -> Report:
    """The report in a source file named by the user (`--source`, `mtaudit align`)."""
    from audit.ingest import load
    from audit.sources.corpus import read_reports

    path = Path(source)
    if not path.is_file():
        raise UserError(f"{source}: no such source file")
    load(source)  # refuse what `check` refuses: empty, binary, undecodable, too large
    report = next(iter(read_reports(path, path.parent)), None)
    if report is None or not report.text.strip():
        raise UserError(f"{source}: no source text in this file")
    return report


def given_sources(document: Document, paths: tuple[str, ...]) -> SourceContext:
    """`check --source`: the article against the files it was translated from, in the order
    given (the first is the primary source), each aligned monotonically."""
    return SourceContext(tuple(align_with(document, given_source(read_source(p))) for p in paths))


def align_files(article: str, source: str) -> tuple[Document, AlignedSource]:
    """`mtaudit align`: an article file against one source file, no index needed."""
    from audit.ingest import load
    from audit.segment import segment

    document = segment(load(article))
    return document, align_with(document, given_source(read_source(source)))
