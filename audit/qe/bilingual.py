"""Learned QE of a bilingual document: a score for each unit and one for the file.

The pipeline calls `assess` before the rules when `--qe` (or `qe = true` in the
configuration) asks for it and the input has segments, and hands the estimates to rule
MT712 in the `RuleContext`, as the sources stage hands its aligned sources to the MT6xx
rules. It is opt-in because it multiplies the cost of a bilingual check: 2.6 ms a unit on
the quiet 2-core machine, against 0.24 ms for all the rules (`make bench`, docs/qe.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.document import Document
from audit.qe import SegmentEstimate, document_score, estimate


@dataclass(frozen=True)
class DocumentQE:
    """`segments`: one estimate per unit of the document, in its order; `score`: their
    document MQM (total expected penalty over total tokens); `model`: `audit.qe.signature`."""

    model: str
    score: float
    segments: tuple[SegmentEstimate, ...]


def assess(document: Document) -> DocumentQE:
    from audit.qe import signature

    estimates = tuple(estimate(unit.source, document.text[unit.start : unit.end]) for unit in document.segments)
    return DocumentQE(signature(), document_score(list(estimates)), estimates)


def unavailable() -> str | None:
    """Why the QE model cannot run here (one line), or None when it can."""
    from audit.qe.model import MODEL_PATH, load

    try:
        load()
    except FileNotFoundError:
        return f"learned QE needs its weights file, {MODEL_PATH.name}, missing from this installation"
    except (OSError, ValueError, KeyError) as error:
        return f"learned QE cannot load {MODEL_PATH.name}: {str(error).splitlines()[0] if str(error) else error}"
    return None
