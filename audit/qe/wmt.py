"""Read the WMT20 QE en-fr document-level MQM files (training and evaluation data only).

The files live in `../shared/peer/` and never ship: `make train-qe` and `make eval` read them
at fit and evaluation time. One row is one segment: its document, source, MT and annotated
error spans (character offsets into the MT, MQM severity and weight).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

csv.field_size_limit(1 << 30)  # a few descriptions run long and contain newlines


@dataclass(frozen=True)
class Error:
    """One annotated span; a multi-span error repeats its `err_id` and counts once."""

    err_id: int
    start: int
    end: int
    severity: str
    weight: float
    category: str


@dataclass(frozen=True)
class Segment:
    doc: str
    seg: int
    source: str
    mt: str
    doc_mqm: float
    errors: tuple[Error, ...]


def read_segments(path: Path) -> list[Segment]:
    with open(path, encoding="utf-8", newline="") as handle:
        return [_segment(row) for row in csv.DictReader(handle, delimiter="\t")]


def _segment(row: dict) -> Segment:
    errors = tuple(
        Error(int(e["err_id"]), int(e["start"]), int(e["end"]), e["severity"], float(e["weight"]), e["category"])
        for e in json.loads(row["errors"])
    )
    return Segment(row["doc_id"], int(row["seg_id"]), row["source"], row["mt"], float(row["doc_mqm"]), errors)


def segment_penalty(segment: Segment) -> float:
    """MQM penalty of a segment: each error's weight once, however many spans it has."""
    return sum({e.err_id: e.weight for e in segment.errors}.values())
