"""Shared fixtures for the source tests: the sample corpus, its index, documents from sentences."""

from __future__ import annotations

from pathlib import Path

from audit.document import Document
from audit.ingest import RawText
from audit.segment import segment
from audit.sources.context import AlignedSource, SourceContext, align_with, given_source
from audit.sources.corpus import read_reports

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "corpora" / "news"
SPUN = ROOT / "corpora" / "samples" / "spun-north-korea.txt"
FR_SOURCE = NEWS / "fr-afp-coree-nord-troupes.txt"
EN_SOURCE = NEWS / "en-wire-north-korea-troops.txt"


def document(sentences: list[str], path: str = "<test>") -> Document:
    """One sentence per paragraph, so segmentation gives back exactly these sentences."""
    return segment(RawText(path, "\n\n".join(sentences) + "\n", "utf-8", "text/plain", ()))


def report(path: Path):
    return next(read_reports(path, path.parent))


def context_with(target: Document, *sources: Path) -> SourceContext:
    aligned: list[AlignedSource] = [align_with(target, given_source(report(p))) for p in sources]
    return SourceContext(tuple(aligned))
